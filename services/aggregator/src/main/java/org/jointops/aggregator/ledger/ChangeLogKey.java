package org.jointops.aggregator.ledger;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of a change in {@value LedgerStores#CHANGE_LOG}: the operation, the change's
 * time and the version it produced. Encoded {@code OPERATION/time/version}, so that an
 * operation's changes are one prefix in time order.
 *
 * @param operation operation code
 * @param changedAt the change's time
 * @param version the version it produced
 */
public record ChangeLogKey(String operation, Instant changedAt, long version) {

	/** The serde of change-log keys. */
	public static final Serde<ChangeLogKey> SERDE = KeySerde.of(ChangeLogKey::encoded, ChangeLogKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.changedAt, Keys.number(this.version));
	}

	static ChangeLogKey decode(String text) {
		String[] parts = Keys.split(text, 3);
		return new ChangeLogKey(parts[0], Keys.time(parts[1]), Long.parseLong(parts[2]));
	}

}
