package org.jointops.aggregator.ledger;

import java.time.Instant;
import java.util.Locale;

/**
 * How store keys are written as text: parts joined by {@value #SEPARATOR} (which no code,
 * report id or currency may contain), numbers and instants (as epoch milliseconds)
 * zero-padded to a fixed width so that the stores' byte order is their numeric order.
 */
final class Keys {

	static final char SEPARATOR = '/';

	/** Digits of a number in a key: every long that is not negative fits. */
	private static final int WIDTH = 19;

	private static final String ZEROS = "0".repeat(WIDTH);

	private Keys() {
	}

	static String join(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			if (!text.isEmpty()) {
				text.append(SEPARATOR);
			}
			text.append((part instanceof Instant instant) ? time(instant) : part);
		}
		return text.toString();
	}

	static String[] split(String text, int parts) {
		String[] split = text.split(String.valueOf(SEPARATOR), parts);
		if (split.length != parts) {
			throw new IllegalArgumentException("Not a key of " + parts + " parts: '" + text + "'");
		}
		return split;
	}

	static String number(long value) {
		if (value < 0) {
			return String.format(Locale.ROOT, "%0" + WIDTH + "d", value);
		}
		String digits = Long.toString(value);
		return ZEROS.substring(digits.length()) + digits;
	}

	static String time(Instant instant) {
		return number(instant.toEpochMilli());
	}

	static Instant time(String text) {
		return Instant.ofEpochMilli(Long.parseLong(text));
	}

	static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	static String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
