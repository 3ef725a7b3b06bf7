package org.jointops.producer.publish;

/**
 * Where the broker stored an accepted revision.
 *
 * @param topic e.g. {@code findings.kaz}
 * @param partition partition of the topic
 * @param offset offset in the partition
 */
public record PublishedRecord(String topic, int partition, long offset) {
}
