package org.jointops.producer.publish;

/**
 * What became of one revision of a batch: stored by the broker, not acknowledged, or not
 * sent because another agency holds its report id.
 *
 * @param record where the broker stored it, or null
 * @param failure why it was not acknowledged, or null
 * @param owner the agency that holds its report id when that is not the revision's
 * agency, or null
 */
public record PublishOutcome(PublishedRecord record, KafkaUnavailableException failure, String owner) {

	public static PublishOutcome stored(PublishedRecord record) {
		return new PublishOutcome(record, null, null);
	}

	public static PublishOutcome failed(KafkaUnavailableException failure) {
		return new PublishOutcome(null, failure, null);
	}

	public static PublishOutcome ownedBy(String owner) {
		return new PublishOutcome(null, null, owner);
	}

	public boolean isStored() {
		return this.record != null;
	}

	public boolean isOwnedByAnother() {
		return this.owner != null;
	}

}
