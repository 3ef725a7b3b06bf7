package org.jointops.system.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Whether any transaction was left hanging: none open at the coordinator, and on every
 * partition of every topic the last stable offset has caught up with the high watermark
 * (an open transaction holds it back, and with it every {@code read_committed} reader).
 */
public final class Transactions {

	private static final Set<TransactionState> OPEN = Set.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
			TransactionState.PREPARE_ABORT);

	private Transactions() {
	}

	/**
	 * Waits until nothing is open; a live application commits within its commit interval,
	 * a killed one's transaction is aborted by the coordinator after its timeout.
	 * @param admin client of the cluster
	 * @param within how long that may take
	 */
	public static void awaitNoneHanging(Admin admin, Duration within) {
		Awaitility.await("no transaction left open")
			.atMost(within)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				List<String> open = admin.listTransactions()
					.all()
					.get(10, TimeUnit.SECONDS)
					.stream()
					.filter((listing) -> OPEN.contains(listing.state()))
					.map(TransactionListing::transactionalId)
					.toList();
				org.assertj.core.api.Assertions.assertThat(open).as("open transactions").isEmpty();
				org.assertj.core.api.Assertions.assertThat(unstablePartitions(admin))
					.as("partitions whose last stable offset lags the high watermark")
					.isEmpty();
			});
	}

	private static Map<TopicPartition, String> unstablePartitions(Admin admin) throws Exception {
		Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
		Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
			.allTopicNames()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = descriptions.values()
			.stream()
			.flatMap((description) -> description.partitions()
				.stream()
				.map((partition) -> new TopicPartition(description.name(), partition.partition())))
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> stable = admin
			.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> high = admin
			.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
			.all()
			.get(10, TimeUnit.SECONDS);
		return stable.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().offset() != high.get(entry.getKey()).offset())
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> entry.getValue().offset() + " < " + high.get(entry.getKey()).offset()));
	}

}
