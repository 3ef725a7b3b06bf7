package org.jointops.bench.run;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The benchmark's progress on standard output, one timed line per step.
 */
public final class Say {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private Say() {
	}

	/**
	 * Prints a line.
	 * @param format a format, as {@link String#format}
	 * @param arguments its arguments
	 */
	public static void line(String format, Object... arguments) {
		System.out.println("[" + LocalTime.now().format(TIME) + "] " + String.format(Locale.ROOT, format, arguments));
		System.out.flush();
	}

}
