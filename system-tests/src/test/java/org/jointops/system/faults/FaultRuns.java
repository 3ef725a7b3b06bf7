package org.jointops.system.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.system.traffic.Ledger;
import org.jointops.testsupport.Directories;
import org.jointops.testsupport.process.Pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
	 * @param accepted how many final answers: 202, or 409 for a revision not higher than
	 * its report's withdrawal (only plans with withdrawals get those)
	 */
	static void awaitAccepted(Ledger ledger, int accepted) {
		Awaitility.await(accepted + " submissions answered for good (202, or 409 for a withdrawn report)")
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ledger.finalAnswers() >= accepted);
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

	/**
	 * Waits until a partition is led by another node and the node is out of its in-sync
	 * replicas: the cluster has failed the partition over.
	 * @param admin client of the cluster
	 * @param partition the partition
	 * @param node the node that lost it
	 */
	static void awaitLedWithout(Admin admin, TopicPartition partition, int node) {
		Awaitility.await(partition + " led by another node than " + node + ", which is out of sync")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				TopicPartitionInfo info = describe(admin, partition);
				assertThat(info.leader()).as("leader").isNotNull();
				assertThat(info.leader().id()).as("leader").isNotEqualTo(node);
				assertThat(info.isr().stream().map(Node::id)).as("in-sync replicas").doesNotContain(node);
			});
	}

	/**
	 * The partition a producer service writes a report to: the default partitioner's
	 * choice for the report id, its record key.
	 * @param reportId the report id
	 * @param partitions partitions of the findings topic
	 * @return the partition
	 */
	static int partitionOf(String reportId, int partitions) {
		return Utils.toPositive(Utils.murmur2(reportId.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	/**
	 * A partition as the cluster describes it now.
	 * @param admin client of the cluster
	 * @param partition the partition
	 * @return leader, replicas and in-sync replicas
	 */
	static TopicPartitionInfo describe(Admin admin, TopicPartition partition) throws Exception {
		return admin.describeTopics(List.of(partition.topic()))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(partition.topic())
			.partitions()
			.get(partition.partition());
	}

}
