package org.jointops.bench.data;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What the council totals of a shape's operations must be, kept as the revisions are
 * generated, with the aggregator's rules written out again: the highest revision of a
 * report counts, the same revision again changes nothing, a withdrawn one counts for
 * nothing. Nothing of the aggregator's code is used.
 */
public final class ExpectedTotals {

	private final IntFunction<String> codes;

	private final Grid grid;

	private final long[] reports;

	/** Per operation, per category: total. */
	private final long[][] totals;

	/** Per operation, per category, per state index. */
	private final long[][][] byState;

	/** Per operation, per category, per stage index. */
	private final long[][][] byStage;

	ExpectedTotals(IntFunction<String> codes, int operations, Grid grid) {
		this.codes = codes;
		this.grid = grid;
		this.reports = new long[operations];
		this.totals = new long[operations][grid.categories()];
		this.byState = new long[operations][grid.categories()][grid.states().size()];
		this.byStage = new long[operations][grid.categories()][grid.stages()];
	}

	void add(Standing report, int sign) {
		if (report.withdrawn) {
			return;
		}
		int operation = report.operation;
		this.reports[operation] += sign;
		for (int line = 0; line < report.categories.length; line++) {
			int category = report.categories[line];
			long quantity = sign * (long) report.quantities[line];
			this.totals[operation][category] += quantity;
			this.byState[operation][category][report.state] += quantity;
			this.byStage[operation][category][report.stage - 1] += quantity;
		}
	}

	/**
	 * How many operations there are.
	 * @return operations of the shape
	 */
	public int operations() {
		return this.reports.length;
	}

	/**
	 * The code of an operation.
	 * @param operation index from 0
	 * @return its code in the run's catalogue, e.g. {@code BENCH-0001}
	 */
	public String code(int operation) {
		return this.codes.apply(operation);
	}

	/**
	 * The reports that count in an operation.
	 * @param operation index from 0
	 * @return reports whose highest revision is not withdrawn
	 */
	public long reports(int operation) {
		return this.reports[operation];
	}

	/**
	 * The non-zero cells of an operation's council view, in a canonical form:
	 * {@code CATEGORY total}, {@code CATEGORY state=KAZ}, {@code CATEGORY stage=2}.
	 * @param operation index from 0
	 * @return cell to figure
	 */
	public Map<String, Long> cells(int operation) {
		Map<String, Long> cells = new TreeMap<>();
		for (int category = 0; category < this.grid.categories(); category++) {
			String code = BenchCatalogue.category(category);
			put(cells, code + " total", this.totals[operation][category]);
			for (int state = 0; state < this.grid.states().size(); state++) {
				put(cells, code + " state=" + this.grid.states().get(state), this.byState[operation][category][state]);
			}
			for (int stage = 0; stage < this.grid.stages(); stage++) {
				put(cells, code + " stage=" + (stage + 1), this.byStage[operation][category][stage]);
			}
		}
		return cells;
	}

	private static void put(Map<String, Long> cells, String key, long value) {
		if (value != 0) {
			cells.put(key, value);
		}
	}

	/**
	 * A report as it stands: its highest revision so far.
	 */
	static final class Standing {

		final String reportId;

		final int operation;

		final int state;

		final int agency;

		final int stage;

		int revision;

		boolean withdrawn;

		final int[] categories;

		int[] quantities;

		Standing(String reportId, int operation, int state, int agency, int stage, int[] categories, int[] quantities) {
			this.reportId = reportId;
			this.operation = operation;
			this.state = state;
			this.agency = agency;
			this.stage = stage;
			this.revision = 1;
			this.categories = categories;
			this.quantities = quantities;
		}

	}

}
