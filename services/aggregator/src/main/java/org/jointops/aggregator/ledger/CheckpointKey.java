package org.jointops.aggregator.ledger;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of a checkpoint in {@value LedgerStores#CHECKPOINTS}: the operation and the
 * instant its ledger is kept at. Encoded {@code OPERATION/time}.
 *
 * @param operation operation code
 * @param at the checkpoint's time
 */
public record CheckpointKey(String operation, Instant at) {

	/** The serde of checkpoint keys. */
	public static final Serde<CheckpointKey> SERDE = KeySerde.of(CheckpointKey::encoded, CheckpointKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.at);
	}

	static CheckpointKey decode(String text) {
		String[] parts = Keys.split(text, 2);
		return new CheckpointKey(parts[0], Keys.time(parts[1]));
	}

}
