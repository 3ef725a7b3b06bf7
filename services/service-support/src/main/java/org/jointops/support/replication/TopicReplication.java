package org.jointops.support.replication;

/**
 * How a topic that exists is replicated.
 *
 * @param topic its name
 * @param replicationFactor the fewest replicas any of its partitions has
 * @param minInsyncReplicas its {@code min.insync.replicas} (its own or the broker's
 * default)
 */
public record TopicReplication(String topic, int replicationFactor, int minInsyncReplicas) {
}
