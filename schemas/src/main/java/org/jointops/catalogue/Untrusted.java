package org.jointops.catalogue;

/**
 * Text that came from a client, made safe to put in an answer or a log line: at most
 * {@value #MAX_SHOWN} characters, control characters (line breaks among them) shown as
 * {@code ?}.
 */
public final class Untrusted {

	/** Most characters of a client's value shown back. */
	public static final int MAX_SHOWN = 60;

	private Untrusted() {
	}

	/**
	 * A client's value made safe to show.
	 * @param value a client's value, possibly null
	 * @return the value, shortened and without control characters
	 */
	public static String shortened(String value) {
		if (value == null) {
			return "null";
		}
		String shown = (value.length() > MAX_SHOWN) ? value.substring(0, MAX_SHOWN) + "…" : value;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	/**
	 * A client's value made safe to show, quoted.
	 * @param value a client's value, possibly null
	 * @return the value, {@link #shortened(String) shortened}, in single quotes
	 */
	public static String quoted(String value) {
		return "'" + shortened(value) + "'";
	}

}
