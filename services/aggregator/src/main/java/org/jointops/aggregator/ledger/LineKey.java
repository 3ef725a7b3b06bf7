package org.jointops.aggregator.ledger;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of a council-level line in {@value LedgerStores#LINES}: an operation's total of
 * one category (and currency), or its part for one state or one stage. Encoded
 * {@code OPERATION/category/currency/T/}, {@code …/S/KAZ} or {@code …/G/0000000001}.
 *
 * @param operation operation code
 * @param category the category
 * @param currency the currency of a money line, else null
 * @param breakdown the total, or a state's or a stage's part of it
 * @param part the state code or stage number of a part, empty for the total
 */
public record LineKey(String operation, String category, String currency, Breakdown breakdown, String part) {

	/** The serde of line keys. */
	public static final Serde<LineKey> SERDE = KeySerde.of(LineKey::encoded, LineKey::decode);

	/**
	 * The council-level lines a cell adds to: its line's total, its state's part and its
	 * stage's part.
	 * @param operation operation code
	 * @param cell a cell slot
	 * @return the three keys
	 */
	public static List<LineKey> of(String operation, Slot cell) {
		return List.of(new LineKey(operation, cell.category(), cell.currency(), Breakdown.TOTAL, ""),
				new LineKey(operation, cell.category(), cell.currency(), Breakdown.STATE, cell.state()),
				new LineKey(operation, cell.category(), cell.currency(), Breakdown.STAGE, Keys.number(cell.stage())));
	}

	String encoded() {
		return Keys.join(this.operation, this.category, Keys.orEmpty(this.currency), this.breakdown.code, this.part);
	}

	static LineKey decode(String text) {
		String[] parts = Keys.split(text, 5);
		return new LineKey(parts[0], parts[1], Keys.orNull(parts[2]), Breakdown.of(parts[3]), parts[4]);
	}

	/** The parts a council-level line is broken down into. */
	public enum Breakdown {

		/** The line's total. */
		TOTAL("T"),

		/** One state's part. */
		STATE("S"),

		/** One stage's part. */
		STAGE("G");

		private final String code;

		Breakdown(String code) {
			this.code = code;
		}

		static Breakdown of(String code) {
			for (Breakdown breakdown : values()) {
				if (breakdown.code.equals(code)) {
					return breakdown;
				}
			}
			throw new IllegalArgumentException("No breakdown '" + code + "'");
		}

	}

}
