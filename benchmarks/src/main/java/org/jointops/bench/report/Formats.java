package org.jointops.bench.report;

import java.util.Locale;

/**
 * How figures are written in the table and the chart.
 */
final class Formats {

	private Formats() {
	}

	/**
	 * A figure: thousands grouped and no decimals from 100 up, three significant digits
	 * below.
	 * @param value the figure
	 * @return the text, or {@code –} for none
	 */
	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "–";
		}
		double magnitude = Math.abs(value);
		if (magnitude >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (magnitude >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		if (magnitude >= 1) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/**
	 * A ratio.
	 * @param ratio the ratio
	 * @return e.g. {@code 0.42×}, or {@code –}
	 */
	static String ratio(double ratio) {
		return (Double.isNaN(ratio) || Double.isInfinite(ratio)) ? "–" : number(ratio) + "×";
	}

	/**
	 * A plain number for CSV: no grouping, dot decimals, empty for none.
	 * @param value the value
	 * @return the text
	 */
	static String raw(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "";
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: String.format(Locale.ROOT, "%.4f", value);
	}

}
