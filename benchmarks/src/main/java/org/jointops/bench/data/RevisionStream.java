package org.jointops.bench.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.jointops.bench.data.ExpectedTotals.Standing;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Quantities;

/**
 * A seeded stream of report revisions for a shape, as producers would have written them:
 * new reports spread round-robin over the operations and, within each, over every cell;
 * duplicates (the same revision sent again), corrections (the next revision, other
 * quantities) and withdrawals (the next revision, withdrawn) of recent reports, a
 * correction of a withdrawn report bringing it back. The expected totals follow every
 * revision ({@link #expected()}).
 */
public final class RevisionStream {

	/** Reports that duplicates, corrections and withdrawals pick from: the latest. */
	private static final int RECENT = 10_000;

	private static final int MAX_QUANTITY = 1000;

	private final Grid grid;

	private final int operations;

	private final long total;

	private final Mix mix;

	private final String prefix;

	private final IntFunction<String> codes;

	private final SplittableRandom random;

	private final ExpectedTotals expected;

	private final Standing[] recent = new Standing[RECENT];

	private final long[] perOperation;

	private final long[] kinds = new long[Kind.values().length];

	private int recentCount;

	private long produced;

	private long newReports;

	/**
	 * A stream of revisions of the operations {@code BENCH-0001}... of the run's
	 * catalogue ({@link BenchCatalogue#operation}).
	 * @param shape the shape: operations and cells
	 * @param grid its layout ({@link Shape#grid})
	 * @param revisions how many revisions in all
	 * @param mix shares of duplicates, corrections and withdrawals
	 * @param seed the seed: the same seed gives the same revisions
	 */
	public RevisionStream(Shape shape, Grid grid, long revisions, Mix mix, long seed) {
		this(shape.operations(), grid, revisions, mix, seed, "B" + shape.tag() + "-", BenchCatalogue::operation);
	}

	private RevisionStream(int operations, Grid grid, long revisions, Mix mix, long seed, String prefix,
			IntFunction<String> codes) {
		this.grid = grid;
		this.operations = operations;
		this.total = revisions;
		this.mix = mix;
		this.prefix = prefix;
		this.codes = codes;
		this.random = new SplittableRandom(seed);
		this.expected = new ExpectedTotals(codes, this.operations, grid);
		this.perOperation = new long[this.operations];
	}

	/**
	 * A stream of revisions of the one operation the query measurements read,
	 * {@link BenchCatalogue#QUERIES}, with report ids of their own.
	 * @param grid its layout
	 * @param revisions how many revisions in all
	 * @param mix shares of duplicates, corrections and withdrawals
	 * @param seed the seed
	 * @return the stream
	 */
	public static RevisionStream ofQueries(Grid grid, long revisions, Mix mix, long seed) {
		return new RevisionStream(1, grid, revisions, mix, seed, "Q" + grid.cells() + "-",
				(operation) -> BenchCatalogue.QUERIES);
	}

	/**
	 * How many revisions the stream has produced.
	 * @return revisions so far
	 */
	public long produced() {
		return this.produced;
	}

	public boolean hasNext() {
		return this.produced < this.total;
	}

	/**
	 * The next revision; the expected totals then include it.
	 * @return the revision, with its state and kind
	 */
	public Revision next() {
		this.produced++;
		int draw = this.random.nextInt(100);
		Kind kind;
		if (this.recentCount == 0 || draw >= this.mix.duplicates() + this.mix.corrections() + this.mix.withdrawals()) {
			kind = Kind.NEW;
		}
		else if (draw < this.mix.duplicates()) {
			kind = Kind.DUPLICATE;
		}
		else if (draw < this.mix.duplicates() + this.mix.corrections()) {
			kind = Kind.CORRECTION;
		}
		else {
			kind = Kind.WITHDRAWAL;
		}
		this.kinds[kind.ordinal()]++;
		Standing report = switch (kind) {
			case NEW -> newReport();
			case DUPLICATE -> pick();
			case CORRECTION -> revise(pick(), false);
			case WITHDRAWAL -> revise(pick(), true);
		};
		return new Revision(this.grid.states().get(report.state), report.reportId, revision(report), kind);
	}

	/**
	 * The totals the revisions so far add up to.
	 * @return the expected totals
	 */
	public ExpectedTotals expected() {
		return this.expected;
	}

	/**
	 * How many revisions of a kind were produced.
	 * @param kind the kind
	 * @return revisions of that kind so far
	 */
	public long count(Kind kind) {
		return this.kinds[kind.ordinal()];
	}

	private Standing newReport() {
		int operation = (int) (this.newReports++ % this.operations);
		long sequence = this.perOperation[operation]++;
		int combinations = this.grid.combinations();
		int combination = (int) (sequence % combinations);
		int states = this.grid.states().size();
		int agencies = this.grid.agencies().size();
		int state = combination % states;
		int agency = (combination / states) % agencies;
		int stage = 1 + (combination / (states * agencies)) % this.grid.stages();
		int lines = this.grid.lines();
		int first = (int) (((sequence / combinations) * lines) % this.grid.categories());
		int[] categories = new int[lines];
		for (int line = 0; line < lines; line++) {
			categories[line] = (first + line) % this.grid.categories();
		}
		Standing report = new Standing(this.prefix + this.newReports, operation, state, agency, stage, categories,
				quantities(lines));
		this.expected.add(report, 1);
		this.recent[(this.recentCount++) % RECENT] = report;
		return report;
	}

	private Standing pick() {
		return this.recent[this.random.nextInt(Math.min(this.recentCount, RECENT))];
	}

	private Standing revise(Standing report, boolean withdraw) {
		this.expected.add(report, -1);
		report.revision++;
		report.withdrawn = withdraw;
		if (!withdraw) {
			report.quantities = quantities(report.categories.length);
		}
		this.expected.add(report, 1);
		return report;
	}

	private int[] quantities(int lines) {
		int[] quantities = new int[lines];
		for (int line = 0; line < lines; line++) {
			quantities[line] = 1 + this.random.nextInt(MAX_QUANTITY);
		}
		return quantities;
	}

	private ReportRevision revision(Standing report) {
		List<Finding> findings = new ArrayList<>(report.categories.length);
		for (int line = 0; line < report.categories.length; line++) {
			findings.add(new Finding(BenchCatalogue.category(report.categories[line]),
					Quantities.onTheWire(BigDecimal.valueOf(report.quantities[line])), "COUNT", null));
		}
		return new ReportRevision(report.reportId, report.revision, this.grid.states().get(report.state),
				this.grid.agencies().get(report.agency), this.codes.apply(report.operation), report.stage,
				BenchCatalogue.stageStart(report.stage), BenchCatalogue.stageEnd(report.stage), findings,
				report.withdrawn, Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * What a revision is, in the stream.
	 */
	public enum Kind {

		/** Revision 1 of a new report. */
		NEW,

		/** The same revision of a report again. */
		DUPLICATE,

		/** The next revision, with other quantities. */
		CORRECTION,

		/** The next revision, withdrawing the report. */
		WITHDRAWAL

	}

	/**
	 * The shares, in percent, of revisions that are not new reports.
	 *
	 * @param duplicates duplicates
	 * @param corrections corrections
	 * @param withdrawals withdrawals
	 */
	public record Mix(int duplicates, int corrections, int withdrawals) {

		/** 10% duplicates, 15% corrections, 5% withdrawals: 70% new reports. */
		public static final Mix DEFAULT = new Mix(10, 15, 5);

		public Mix {
			if (duplicates < 0 || corrections < 0 || withdrawals < 0 || duplicates + corrections + withdrawals > 100) {
				throw new IllegalArgumentException(
						"Shares of duplicates, corrections and withdrawals must be " + "0 to 100 percent together");
			}
		}

	}

	/**
	 * One revision and where it goes.
	 *
	 * @param state the reporting state (its findings topic)
	 * @param key the record key, the report id
	 * @param value the revision
	 * @param kind what it is
	 */
	public record Revision(String state, String key, ReportRevision value, Kind kind) {

	}

}
