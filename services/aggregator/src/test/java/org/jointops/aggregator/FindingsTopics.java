package org.jointops.aggregator;

import java.util.List;

import org.jointops.testsupport.EmbeddedKafkaNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The findings topics of an aggregator test on a real broker, created before Kafka
 * Streams subscribes (as the producers create them; here the administrator does).
 */
public final class FindingsTopics {

	private FindingsTopics() {
	}

	/** Kazakhstan's and Russia's findings topics, two partitions each. */
	@TestConfiguration
	public static class KazakhstanAndRussia {

		@Bean
		EmbeddedKafkaNode.CreatedTopics findingsTopics(EmbeddedKafkaNode kafka) {
			return kafka.createFindingsTopics(2, List.of("KAZ", "RUS"));
		}

	}

	/** Every member state's findings topic, two partitions each. */
	@TestConfiguration
	public static class EveryState {

		@Bean
		EmbeddedKafkaNode.CreatedTopics findingsTopics(EmbeddedKafkaNode kafka) {
			return kafka.createFindingsTopics(2, EmbeddedKafkaNode.STATES);
		}

	}

}
