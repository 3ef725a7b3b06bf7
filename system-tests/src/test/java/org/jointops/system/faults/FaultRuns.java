package org.jointops.system.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.awaitility.Awaitility;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.system.traffic.Ledger;
import org.jointops.testsupport.Directories;
import org.jointops.testsupport.process.Pipeline;

/**
 * What the fault tests share: where a run keeps its broker data and process logs, and the
 * moments faults are injected at.
 */
final class FaultRuns {

	/**
	 * The aggregator's Kafka Streams application id (its consumer group, the prefix of
	 * its transactional ids): its configured base id with its state layout's suffix, as
	 * the aggregator's {@code StateLayout.applicationId} makes it (this module runs the
	 * services as processes and does not see their classes: follow its generation).
	 */
	static final String AGGREGATOR_APPLICATION = KafkaUsers.AGGREGATOR_APPLICATION_ID + "-layout-2";

	private FaultRuns() {
	}

	/**
	 * A fresh directory for one run, kept after the test (logs of every process) under
	 * {@code target/fault-runs}.
	 * @param name the run's name
	 * @return the directory, empty
	 */
	static Path directory(String name) {
		Path root = Path.of(System.getProperty("jointops.fault-runs", "target/fault-runs"));
		Path directory = root.resolve(name).toAbsolutePath();
		Directories.deleteRecursively(directory);
		return directory;
	}

	/**
	 * Where each state's agencies post.
	 * @param pipeline the deployment
	 * @return state to report URL
	 */
	static Map<String, String> reportUrls(Pipeline pipeline) {
		Map<String, String> urls = new LinkedHashMap<>();
		pipeline.producers().forEach((state, producer) -> urls.put(state, producer.url("/api/v1/reports")));
		return urls;
	}

	/**
	 * Waits until the traffic has got this far.
	 * @param ledger the traffic's ledger
	 * @param accepted how many 202 answers
	 */
	static void awaitAccepted(Ledger ledger, int accepted) {
		Awaitility.await(accepted + " reports accepted")
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ledger.acceptedAnswers() >= accepted);
	}

	/**
	 * Waits until the aggregator has a transaction open, so that a kill lands inside it.
	 * @param admin client of the cluster
	 */
	static void awaitOpenAggregatorTransaction(Admin admin) {
		Awaitility.await("an open aggregator transaction")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> admin.listTransactions()
				.all()
				.get(5, TimeUnit.SECONDS)
				.stream()
				.anyMatch((listing) -> listing.transactionalId().startsWith(AGGREGATOR_APPLICATION)
						&& listing.state() == TransactionState.ONGOING));
	}

}
