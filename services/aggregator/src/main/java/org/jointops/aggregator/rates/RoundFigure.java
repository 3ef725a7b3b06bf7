package org.jointops.aggregator.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The round figure a council can honestly say "more than" of: the largest number with at
 * most two significant figures that is strictly less than the exact total. Exact totals
 * below {@value #THRESHOLD} are written exactly instead. Examples: 8,734,120.55 is "more
 * than 8.7 million", 8,041,000.00 "more than 8 million", exactly 8,000,000.00 "more than
 * 7.9 million", 999,999.99 "more than 990,000", 1,000.00 "more than 990".
 *
 * @param value the round figure, strictly less than the total
 * @param scale the word it is written with
 */
public record RoundFigure(BigDecimal value, Scale scale) {

	/** Totals below this are written exactly (no "more than"). */
	public static final long THRESHOLD = 1000;

	private static final MathContext TWO_FIGURES = new MathContext(2, RoundingMode.DOWN);

	private static final BigDecimal CENT = new BigDecimal("0.01");

	/**
	 * The round figure below an exact total.
	 * @param total the exact total, in cents
	 * @return the figure, or empty if the total is below {@value #THRESHOLD} (write it
	 * exactly)
	 */
	public static Optional<RoundFigure> below(BigDecimal total) {
		if (total.compareTo(BigDecimal.valueOf(THRESHOLD)) < 0) {
			return Optional.empty();
		}
		// the largest two-figure number <= total - 1 cent is the largest < total: every
		// two-figure number from 10 up is whole, and the total is in cents
		BigDecimal value = total.subtract(CENT).round(TWO_FIGURES);
		value = value.setScale(Math.max(0, value.scale()));
		return Optional.of(new RoundFigure(value, Scale.of(value)));
	}

	/**
	 * The figure in the unit of its word.
	 * @return e.g. 8.7 for 8,700,000 in millions; the value itself in units
	 */
	public BigDecimal count() {
		BigDecimal count = this.value.movePointLeft(this.scale.exponent()).stripTrailingZeros();
		return (count.scale() < 0) ? count.setScale(0) : count;
	}

	/**
	 * The word a round figure is written with.
	 */
	public enum Scale {

		/** Written in digits: below a million. */
		UNITS(0),

		/** Millions: from a million to below a billion. */
		MILLION(6),

		/** Billions: from a billion up. */
		BILLION(9);

		private final int exponent;

		Scale(int exponent) {
			this.exponent = exponent;
		}

		/**
		 * The power of ten of the word.
		 * @return 0, 6 or 9
		 */
		public int exponent() {
			return this.exponent;
		}

		static Scale of(BigDecimal value) {
			if (value.compareTo(BigDecimal.TEN.pow(9)) >= 0) {
				return BILLION;
			}
			return (value.compareTo(BigDecimal.TEN.pow(6)) >= 0) ? MILLION : UNITS;
		}

	}

}
