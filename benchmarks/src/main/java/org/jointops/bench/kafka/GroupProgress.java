package org.jointops.bench.kafka;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application has got, as its consumer group's committed offsets
 * tell: records of the findings topics consumed, and whether every input (findings and
 * its own repartition topics) is consumed to its end.
 *
 * @param consumed findings records the group has committed as processed
 * @param available findings records there are
 * @param inputsDone whether the findings topics are consumed to their ends
 * @param internalDone whether its repartition topics are consumed to their ends (a
 * transaction marker at the end is allowed for)
 */
public record GroupProgress(long consumed, long available, boolean inputsDone, boolean internalDone) {

	/**
	 * Reads an application's progress.
	 * @param topics the broker
	 * @param applicationId the application id (its consumer group)
	 * @param findings the findings topics' partitions
	 * @param start where their records start (offsets before were deleted)
	 * @return its progress
	 */
	public static GroupProgress read(TopicAdmin topics, String applicationId, List<TopicPartition> findings,
			Map<TopicPartition, Long> start) {
		Map<TopicPartition, Long> committed = topics.committed(applicationId);
		Set<TopicPartition> internal = new HashSet<>(topics.internalPartitions(applicationId, "-repartition"));
		Set<TopicPartition> all = new HashSet<>(findings);
		all.addAll(internal);
		Map<TopicPartition, Long> end = topics.endOffsets(all);
		long consumed = 0;
		long available = 0;
		boolean inputsDone = true;
		for (TopicPartition partition : findings) {
			long first = start.getOrDefault(partition, 0L);
			long at = Math.max(first, committed.getOrDefault(partition, 0L));
			long last = end.getOrDefault(partition, 0L);
			consumed += Math.min(at, last) - first;
			available += last - first;
			inputsDone &= at >= last;
		}
		boolean internalDone = true;
		for (TopicPartition partition : internal) {
			long last = end.getOrDefault(partition, 0L);
			internalDone &= last == 0 || committed.getOrDefault(partition, 0L) >= last - 1;
		}
		return new GroupProgress(consumed, available, inputsDone, internalDone);
	}

	/**
	 * Whether everything is consumed.
	 * @return true when inputs and repartition topics are consumed to their ends
	 */
	public boolean done() {
		return this.inputsDone && this.internalDone;
	}

}
