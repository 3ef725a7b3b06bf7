package org.jointops.system.oracle;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Council totals in one canonical form, whoever computed them, so that they compare
 * exactly: a cell per operation, category (and currency), and per state or stage; cells
 * that are zero are left out, numbers are compared by value.
 *
 * @param cells e.g. {@code ILLEGAL-2017 FINES_IMPOSED USD state=KAZ -> 1250.5}
 * @param reports how many reports count
 */
public record Totals(Map<String, BigDecimal> cells, long reports) {

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether no cell is below zero.
	 * @return true when every figure is zero or more
	 */
	public boolean noneNegative() {
		return this.cells.values().stream().allMatch((value) -> value.signum() >= 0);
	}

	/**
	 * Whether every cell is at most the other's (a cell missing there counts as zero).
	 * @param bound the larger totals
	 * @return true when nothing here exceeds the bound
	 */
	public boolean atMost(Totals bound) {
		return this.cells.entrySet()
			.stream()
			.allMatch(
					(cell) -> cell.getValue().compareTo(bound.cells.getOrDefault(cell.getKey(), BigDecimal.ZERO)) <= 0);
	}

	/**
	 * Collects totals cell by cell.
	 */
	public static final class Builder {

		private final Map<String, BigDecimal> cells = new TreeMap<>();

		private long reports;

		/**
		 * Adds a quantity to the total, its state's and its stage's cells.
		 * @param operation operation code
		 * @param category category code
		 * @param currency currency, or null
		 * @param state reporting state
		 * @param stage stage number
		 * @param quantity the quantity
		 * @return this builder
		 */
		public Builder add(String operation, String category, String currency, String state, int stage,
				BigDecimal quantity) {
			String line = line(operation, category, currency);
			add(line + " total", quantity);
			add(line + " state=" + state, quantity);
			add(line + " stage=" + stage, quantity);
			return this;
		}

		/**
		 * Sets one cell, as read from a totals record.
		 * @param operation operation code
		 * @param category category code
		 * @param currency currency, or null
		 * @param cell {@code total}, {@code state=KAZ} or {@code stage=1}
		 * @param value the figure
		 * @return this builder
		 */
		public Builder cell(String operation, String category, String currency, String cell, BigDecimal value) {
			add(line(operation, category, currency) + " " + cell, value);
			return this;
		}

		public Builder report() {
			this.reports++;
			return this;
		}

		public Builder reports(long count) {
			this.reports += count;
			return this;
		}

		public Totals build() {
			Map<String, BigDecimal> nonZero = new TreeMap<>();
			this.cells.forEach((key, value) -> {
				if (value.signum() != 0) {
					nonZero.put(key, value.stripTrailingZeros());
				}
			});
			return new Totals(nonZero, this.reports);
		}

		private void add(String key, BigDecimal value) {
			this.cells.merge(key, value, BigDecimal::add);
		}

		private static String line(String operation, String category, String currency) {
			return operation + " " + category + ((currency != null) ? " " + currency : "");
		}

	}

}
