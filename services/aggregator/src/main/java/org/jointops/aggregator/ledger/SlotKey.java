package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of a slot of an operation's ledger in {@value LedgerStores#SLOTS}: encoded
 * {@code OPERATION/slot}, so that an operation's slots are one prefix.
 *
 * @param operation operation code
 * @param slot the slot
 */
public record SlotKey(String operation, Slot slot) {

	/** The serde of slot keys. */
	public static final Serde<SlotKey> SERDE = KeySerde.of(SlotKey::encoded, SlotKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.slot.encoded());
	}

	static SlotKey decode(String text) {
		String[] parts = Keys.split(text, 2);
		return new SlotKey(parts[0], Slot.decode(parts[1]));
	}

}
