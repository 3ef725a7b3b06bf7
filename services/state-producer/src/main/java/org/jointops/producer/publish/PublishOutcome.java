package org.jointops.producer.publish;

/**
 * What became of one revision of a batch: stored by the broker, or not acknowledged.
 *
 * @param record where the broker stored it, or null
 * @param failure why it was not acknowledged, or null
 */
public record PublishOutcome(PublishedRecord record, KafkaUnavailableException failure) {

	public static PublishOutcome stored(PublishedRecord record) {
		return new PublishOutcome(record, null);
	}

	public static PublishOutcome failed(KafkaUnavailableException failure) {
		return new PublishOutcome(null, failure);
	}

	public boolean isStored() {
		return this.record != null;
	}

}
