package org.jointops.aggregator.ledger;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of one slot of a checkpoint in {@value LedgerStores#CHECKPOINT_SLOTS}: encoded
 * {@code OPERATION/time/slot}, so that a checkpoint's slots are one prefix.
 *
 * @param operation operation code
 * @param at the checkpoint's time
 * @param slot the slot
 */
public record CheckpointSlotKey(String operation, Instant at, Slot slot) {

	/** The serde of checkpoint slot keys. */
	public static final Serde<CheckpointSlotKey> SERDE = KeySerde.of(CheckpointSlotKey::encoded,
			CheckpointSlotKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.at, this.slot.encoded());
	}

	static CheckpointSlotKey decode(String text) {
		String[] parts = Keys.split(text, 3);
		return new CheckpointSlotKey(parts[0], Keys.time(parts[1]), Slot.decode(parts[2]));
	}

}
