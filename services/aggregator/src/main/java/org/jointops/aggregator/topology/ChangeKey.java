package org.jointops.aggregator.topology;

import java.util.Locale;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The key of one change in the store {@value CouncilTotalsTopology#CHANGES_STORE}: the
 * operation and the ledger version the change produced. Encoded
 * {@code OPERATION/0000000000000000042}: the version zero-padded so that the store's byte
 * order is version order, and one operation's changes are one prefix.
 *
 * @param operation operation code
 * @param version the ledger version the change produced
 */
public record ChangeKey(String operation, long version) {

	/** The serde of change keys in their store. */
	public static final Serde<ChangeKey> SERDE = KeySerde.of(ChangeKey::encoded, ChangeKey::decode);

	private static final char SEPARATOR = '/';

	/**
	 * The prefix shared by the keys of one operation's changes and no other's, for a
	 * store's prefix scan with {@link #prefixSerializer()}.
	 * @param operation operation code
	 * @return e.g. {@code ILLEGAL-2017/}
	 */
	public static String prefix(String operation) {
		return operation + SEPARATOR;
	}

	/**
	 * The serializer of {@link #prefix} values.
	 * @return a UTF-8 serializer
	 */
	public static Serializer<String> prefixSerializer() {
		return new StringSerializer();
	}

	/**
	 * The key as text.
	 * @return e.g. {@code ILLEGAL-2017/0000000000000000042}
	 */
	public String encoded() {
		return prefix(this.operation) + String.format(Locale.ROOT, "%019d", this.version);
	}

	static ChangeKey decode(String text) {
		int separator = text.lastIndexOf(SEPARATOR);
		if (separator < 0) {
			throw new IllegalArgumentException("Not a change key: '" + text + "'");
		}
		return new ChangeKey(text.substring(0, separator), Long.parseLong(text.substring(separator + 1)));
	}

}
