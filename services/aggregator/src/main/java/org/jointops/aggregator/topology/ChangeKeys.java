package org.jointops.aggregator.topology;

import java.util.Locale;

/**
 * Keys of the store {@value CouncilTotalsTopology#CHANGES_STORE}: the operation, a slash,
 * and the ledger version the change produced, zero-padded so that the store's byte order
 * is version order and one operation's changes are one prefix.
 */
public final class ChangeKeys {

	private static final String SEPARATOR = "/";

	private ChangeKeys() {
	}

	/**
	 * The key of one change.
	 * @param operation operation code
	 * @param version the ledger version the change produced
	 * @return e.g. {@code ILLEGAL-2017/0000000000000000042}
	 */
	public static String of(String operation, long version) {
		return operation + SEPARATOR + String.format(Locale.ROOT, "%019d", version);
	}

	/**
	 * The prefix shared by the keys of one operation's changes, and no other's.
	 * @param operation operation code
	 * @return e.g. {@code ILLEGAL-2017/}
	 */
	public static String prefix(String operation) {
		return operation + SEPARATOR;
	}

	/**
	 * The version in a key.
	 * @param key a key made by {@link #of}
	 * @return the version
	 */
	public static long versionOf(String key) {
		return Long.parseLong(key.substring(key.lastIndexOf(SEPARATOR) + 1));
	}

}
