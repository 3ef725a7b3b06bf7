package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of an agency's activity on a stage of an operation in
 * {@value LedgerStores#ACTIVITY}: encoded {@code OPERATION/stage/STATE/agency}.
 *
 * @param operation operation code
 * @param stage the stage
 * @param state ISO 3166-1 alpha-3 code of the reporting state
 * @param agency the agency
 */
public record ActivityKey(String operation, int stage, String state, String agency) {

	/** The serde of activity keys. */
	public static final Serde<ActivityKey> SERDE = KeySerde.of(ActivityKey::encoded, ActivityKey::decode);

	String encoded() {
		return Keys.join(this.operation, Keys.number(this.stage), this.state, this.agency);
	}

	static ActivityKey decode(String text) {
		String[] parts = Keys.split(text, 4);
		return new ActivityKey(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
	}

}
