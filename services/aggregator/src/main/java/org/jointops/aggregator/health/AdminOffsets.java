package org.jointops.aggregator.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The offsets the catch-up gate follows, read with an admin client: end offsets of topics
 * and the committed offsets of one consumer group (the Kafka Streams application id).
 */
public class AdminOffsets implements CatchUp.Offsets {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Object> properties;

	private final String group;

	private Admin admin;

	/**
	 * Creates the reader; it connects at its first read.
	 * @param properties an admin client's properties (bootstrap servers, security)
	 * @param group the consumer group: the application id
	 */
	public AdminOffsets(Map<String, Object> properties, String group) {
		this.properties = new HashMap<>(properties);
		this.properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, group + "-catch-up");
		this.group = group;
	}

	@Override
	public synchronized Map<TopicPartition, Long> ends(Pattern topics, boolean committed) {
		Admin admin = admin();
		List<String> names = get(admin.listTopics().names()).stream()
			.filter((name) -> topics.matcher(name).matches())
			.toList();
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		try {
			for (TopicDescription topic : get(admin.describeTopics(names).allTopicNames()).values()) {
				topic.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest()));
			}
		}
		catch (UnknownTopicOrPartitionException ex) {
			throw new IllegalStateException("A topic was deleted while its offsets were read", ex);
		}
		Map<TopicPartition, Long> ends = new HashMap<>();
		get(admin
			.listOffsets(latest,
					new ListOffsetsOptions(committed ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED))
			.all()).forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	@Override
	public synchronized Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		partitions.forEach((partition) -> earliest.put(partition, OffsetSpec.earliest()));
		Map<TopicPartition, Long> starts = new HashMap<>();
		get(admin().listOffsets(earliest).all()).forEach((partition, info) -> starts.put(partition, info.offset()));
		return starts;
	}

	@Override
	public synchronized Map<TopicPartition, Long> committed() {
		// the last stable offsets: a commit still in a transaction counts once committed
		Map<TopicPartition, OffsetAndMetadata> offsets = get(
				admin().listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata());
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	@Override
	public synchronized void close() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
			this.admin = null;
		}
	}

	private Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.properties);
		}
		return this.admin;
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
