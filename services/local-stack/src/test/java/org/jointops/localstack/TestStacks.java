package org.jointops.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jointops.testsupport.FreePorts;

/**
 * Local stacks for tests: on free ports, with their data in a given directory.
 */
final class TestStacks {

	private TestStacks() {
	}

	static LocalStack.Settings settings(Path dataDirectory) {
		int kafka = FreePorts.consecutive(2);
		int http = FreePorts.consecutive(7);
		return new LocalStack.Settings(dataDirectory, kafka, kafka + 1, http, http + 1, List.of(),
				Map.of("spring.kafka.streams.properties.commit.interval.ms", "50"));
	}

	/**
	 * A replicated stack: brokers and aggregator instances as processes of their own.
	 * @param dataDirectory its data
	 * @param brokers Kafka nodes
	 * @param aggregators aggregator instances
	 * @return its settings, on free ports
	 */
	static LocalStack.Settings replicated(Path dataDirectory, int brokers, int aggregators) {
		int kafka = FreePorts.consecutive(2 * brokers);
		// the first instance, six producers, and instance n > 1 at aggregatorPort + 8 + n
		int http = FreePorts.consecutive(9 + aggregators);
		return new LocalStack.Settings(dataDirectory, kafka, kafka + 1, http, http + 1, List.of(),
				Map.of("spring.kafka.streams.properties.commit.interval.ms", "50"), brokers, aggregators);
	}

}
