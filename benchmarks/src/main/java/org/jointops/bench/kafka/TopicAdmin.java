package org.jointops.bench.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.wire.Topics;

/**
 * What the benchmark asks of the broker as its administrator: topics made and remade,
 * their offsets, and a consumer group's committed offsets and state. Nothing here knows a
 * store or internal topic of the aggregator by name; internal topics are recognised by
 * Kafka Streams' naming ({@code <application id>-…-changelog}, {@code …-repartition}).
 */
public final class TopicAdmin {

	private static final long TIMEOUT_SECONDS = 30;

	private final Admin admin;

	/**
	 * The benchmark's administration of a broker.
	 * @param admin an administrator's client (closed by its owner)
	 */
	public TopicAdmin(Admin admin) {
		this.admin = admin;
	}

	/**
	 * Empties the findings topics of the states (making those that are missing, as the
	 * producers would): their records are deleted up to their ends, so that what is
	 * written next is all an application reading them from the start sees. The topics
	 * themselves stay, so no client meets a topic deleted and made again under its feet.
	 * @param states the states
	 * @return the first offset of every findings partition now: where the next records
	 * start
	 */
	public Map<TopicPartition, Long> emptyFindingsTopics(Collection<String> states) {
		Set<String> existing = topics();
		List<String> missing = states.stream().filter((state) -> !existing.contains(Topics.findings(state))).toList();
		if (!missing.isEmpty()) {
			Pipeline.createFindingsTopics(this.admin, missing);
		}
		List<TopicPartition> partitions = findingsPartitions();
		Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
		endOffsets(partitions).forEach((partition, end) -> {
			if (end > 0) {
				deletions.put(partition, RecordsToDelete.beforeOffset(end));
			}
		});
		if (!deletions.isEmpty()) {
			get(this.admin.deleteRecords(deletions).all());
		}
		return startOffsets(partitions);
	}

	/**
	 * Creates a topic unless it exists.
	 * @param name its name
	 * @param partitions its partitions
	 */
	public void createTopic(String name, int partitions) {
		if (!topics().contains(name)) {
			get(this.admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
		}
	}

	/**
	 * Every topic's name.
	 * @return topic names
	 */
	public Set<String> topics() {
		return get(this.admin.listTopics().names());
	}

	/**
	 * Every partition of the findings topics.
	 * @return the partitions
	 */
	public List<TopicPartition> findingsPartitions() {
		return partitions(topics().stream().filter((name) -> Topics.FINDINGS_PATTERN.matcher(name).matches()).toList());
	}

	/**
	 * Every partition of some topics.
	 * @param topics topic names
	 * @return their partitions
	 */
	public List<TopicPartition> partitions(Collection<String> topics) {
		if (topics.isEmpty()) {
			return List.of();
		}
		Map<String, TopicDescription> descriptions = get(this.admin.describeTopics(topics).allTopicNames());
		return descriptions.values()
			.stream()
			.flatMap((description) -> description.partitions()
				.stream()
				.map((partition) -> new TopicPartition(description.name(), partition.partition())))
			.toList();
	}

	/**
	 * The end offsets (high watermarks) of partitions.
	 * @param partitions the partitions
	 * @return partition to end offset
	 */
	public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
		return offsets(partitions, OffsetSpec.latest());
	}

	/**
	 * The first offsets of partitions.
	 * @param partitions the partitions
	 * @return partition to first offset
	 */
	public Map<TopicPartition, Long> startOffsets(Collection<TopicPartition> partitions) {
		return offsets(partitions, OffsetSpec.earliest());
	}

	private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = partitions.stream()
			.collect(Collectors.toMap((partition) -> partition, (partition) -> spec));
		Map<TopicPartition, ListOffsetsResultInfo> result = get(this.admin.listOffsets(request).all());
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	/**
	 * The offsets a consumer group has committed.
	 * @param group the group (a Kafka Streams application id)
	 * @return partition to committed offset; empty if the group has committed nothing
	 */
	public Map<TopicPartition, Long> committed(String group) {
		Map<TopicPartition, OffsetAndMetadata> offsets = get(
				this.admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	/**
	 * The members of a group now.
	 * @param group the group
	 * @return their member ids; empty if the group has none or is unknown
	 */
	public Set<String> members(String group) {
		ConsumerGroupDescription description = describe(group);
		return (description != null)
				? description.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet())
				: Set.of();
	}

	/**
	 * Whether a group has finished rebalancing with members of which none is one of some
	 * earlier members (e.g. of a killed instance, which stays a member until its session
	 * times out).
	 * @param group the group
	 * @param earlier member ids that must be gone
	 * @return true if it is stable with only new members
	 */
	public boolean isStableWithout(String group, Set<String> earlier) {
		ConsumerGroupDescription description = describe(group);
		return description != null && description.groupState() == GroupState.STABLE && !description.members().isEmpty()
				&& description.members().stream().noneMatch((member) -> earlier.contains(member.consumerId()));
	}

	private ConsumerGroupDescription describe(String group) {
		try {
			return this.admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return null;
			}
			throw new IllegalStateException("Cannot describe group " + group, ex.getCause());
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The application id a Kafka Streams application configured with an id runs as, found
	 * from its internal topics: the aggregator runs as {@code <configured>-layout-<n>},
	 * its state layout's generation ({@code StateLayout} in the aggregator), a plain
	 * Streams application as the configured id.
	 * @param configured the configured application id
	 * @return the id of its consumer group and internal topics
	 */
	public String streamsApplicationId(String configured) {
		Pattern layout = Pattern.compile(Pattern.quote(configured) + "-layout-(\\d+)-.*");
		int newest = topics().stream()
			.map(layout::matcher)
			.filter(Matcher::matches)
			.mapToInt((match) -> Integer.parseInt(match.group(1)))
			.max()
			.orElse(0);
		return (newest > 0) ? configured + "-layout-" + newest : configured;
	}

	/**
	 * Partitions of a Kafka Streams application's internal topics of one kind.
	 * @param applicationId the application id
	 * @param suffix {@code -changelog} or {@code -repartition}
	 * @return their partitions
	 */
	public List<TopicPartition> internalPartitions(String applicationId, String suffix) {
		return partitions(topics().stream()
			.filter((name) -> name.startsWith(applicationId + "-") && name.endsWith(suffix))
			.toList());
	}

	/**
	 * Records (offsets from the first to the end, transaction markers included) in the
	 * changelog topics of a Kafka Streams application: what a restore reads.
	 * @param applicationId the application id
	 * @return records in its changelogs
	 */
	public long changelogRecords(String applicationId) {
		List<TopicPartition> partitions = internalPartitions(applicationId, "-changelog");
		Map<TopicPartition, Long> start = startOffsets(partitions);
		Map<TopicPartition, Long> end = endOffsets(partitions);
		return partitions.stream().mapToLong((partition) -> end.get(partition) - start.get(partition)).sum();
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
