package org.jointops.bench.data;

import java.util.List;
import java.util.Locale;

/**
 * How the preloaded revisions are spread: over how many operations, each with how many
 * cells (category × currency × state × stage × agency).
 *
 * @param operations operations the revisions are spread over
 * @param cells cells of each operation
 */
public record Shape(int operations, int cells) {

	/** The member states of the bundled catalogue, in its order. */
	public static final List<String> STATES = List.of("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK");

	/** The agencies of the bundled catalogue, in its order. */
	static final List<String> AGENCIES = List.of("INTERIOR", "BORDER_GUARD", "CUSTOMS", "STATE_SECURITY",
			"DRUG_CONTROL", "FINANCIAL_INTELLIGENCE", "MIGRATION");

	/** Most stages a benchmark operation has. */
	static final int MAX_STAGES = 10;

	/** Most categories of the benchmark's programme. */
	static final int MAX_CATEGORIES = 1000;

	public Shape {
		if (operations < 1 || operations > BenchCatalogue.MAX_OPERATIONS || cells < 1) {
			throw new IllegalArgumentException("A shape needs 1 to " + BenchCatalogue.MAX_OPERATIONS
					+ " operations and at least one cell, found " + operations + "x" + cells);
		}
	}

	/**
	 * Reads a shape written {@code OPERATIONSxCELLS}, e.g. {@code 100x10}.
	 * @param text the shape
	 * @return the shape
	 */
	public static Shape parse(String text) {
		String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
		if (parts.length != 2) {
			throw new IllegalArgumentException("A shape is OPERATIONSxCELLS, e.g. 100x10; found '" + text + "'");
		}
		return new Shape(Integer.parseInt(parts[0].replace("_", "")), Integer.parseInt(parts[1].replace("_", "")));
	}

	/**
	 * The shape as written on the command line and in row ids.
	 * @return e.g. {@code 100x10}
	 */
	public String tag() {
		return this.operations + "x" + this.cells;
	}

	/**
	 * The shape for people.
	 * @return e.g. {@code 100 operations × 10 cells}
	 */
	public String label() {
		return String.format(Locale.ROOT, "%,d operation%s × %,d cells", this.operations,
				(this.operations == 1) ? "" : "s", this.cells);
	}

	/**
	 * Lays the cells out: first enough categories for the lines of a report, then as many
	 * states, agencies and stages as divide the rest, and the remainder in categories.
	 * @param lines finding lines wanted per report
	 * @return the grid, whose cells are exactly {@link #cells()}
	 */
	public Grid grid(int lines) {
		int wanted = Math.max(1, Math.min(lines, this.cells));
		int categories = smallestDivisorAtLeast(this.cells, wanted);
		int rest = this.cells / categories;
		int states = largestDivisorAtMost(rest, STATES.size());
		rest /= states;
		int agencies = largestDivisorAtMost(rest, AGENCIES.size());
		rest /= agencies;
		int stages = largestDivisorAtMost(rest, MAX_STAGES);
		rest /= stages;
		categories *= rest;
		if (categories > MAX_CATEGORIES) {
			throw new IllegalArgumentException(this.cells + " cells need " + categories
					+ " categories in this layout; choose a number of cells with more small factors");
		}
		return new Grid(STATES.subList(0, states), AGENCIES.subList(0, agencies), stages, categories,
				Math.min(wanted, categories));
	}

	private static int smallestDivisorAtLeast(int number, int floor) {
		for (int divisor = floor; divisor <= number; divisor++) {
			if (number % divisor == 0) {
				return divisor;
			}
		}
		return number;
	}

	private static int largestDivisorAtMost(int number, int ceiling) {
		for (int divisor = Math.min(ceiling, number); divisor > 1; divisor--) {
			if (number % divisor == 0) {
				return divisor;
			}
		}
		return 1;
	}

}
