package org.jointops.aggregator.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jointops.catalogue.Catalogue;
import org.jointops.ledger.LedgerCell;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.ReportTally;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.jointops.wire.Quantities;

/**
 * The arithmetic of an operation's ledger: exact decimal sums per category, currency,
 * state, stage and agency, and the council-level view derived from them. Pure functions
 * of their arguments, so a replay gives the same ledger.
 * <p>
 * Each line is summed in its own category only: an <em>of which</em> line is part of its
 * parent as reported, and is never added into it again.
 */
public final class Ledgers {

	private static final Comparator<LedgerCell> CELL_ORDER = Comparator.comparing(LedgerCell::getCategory)
		.thenComparing(LedgerCell::getCurrency, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(LedgerCell::getState)
		.thenComparing(LedgerCell::getStage)
		.thenComparing(LedgerCell::getAgency);

	private static final Comparator<ReportTally> TALLY_ORDER = Comparator.comparing(ReportTally::getState)
		.thenComparing(ReportTally::getStage)
		.thenComparing(ReportTally::getAgency);

	private Ledgers() {
	}

	/**
	 * The ledger of an operation that has seen no change.
	 * @return an empty ledger at version 0
	 */
	public static OperationLedger empty() {
		return new OperationLedger("", 0L, Instant.EPOCH, List.of(), List.of());
	}

	/**
	 * Applies one report's change of contribution: its previous revision is taken out,
	 * its new one put in.
	 * @param operation the operation the ledger is of
	 * @param change the change
	 * @param ledger the ledger before
	 * @return the ledger after, one version higher
	 */
	public static OperationLedger apply(String operation, ReportChange change, OperationLedger ledger) {
		Map<CellKey, LedgerCell> cells = new LinkedHashMap<>();
		ledger.getCells().forEach((cell) -> cells.put(CellKey.of(cell), copy(cell)));
		Map<TallyKey, ReportTally> tallies = new LinkedHashMap<>();
		ledger.getTallies().forEach((tally) -> tallies.put(TallyKey.of(tally), copy(tally)));
		if (change.getBefore() != null) {
			add(change.getBefore(), -1, cells, tallies);
		}
		if (change.getAfter() != null) {
			add(change.getAfter(), 1, cells, tallies);
		}
		List<LedgerCell> keptCells = cells.values()
			.stream()
			.filter((cell) -> cell.getLines() != 0)
			.sorted(CELL_ORDER)
			.toList();
		List<ReportTally> keptTallies = tallies.values()
			.stream()
			.filter((tally) -> tally.getReports() != 0)
			.sorted(TALLY_ORDER)
			.toList();
		Instant updatedAt = change.getChangedAt().isAfter(ledger.getUpdatedAt()) ? change.getChangedAt()
				: ledger.getUpdatedAt();
		return new OperationLedger(operation, ledger.getVersion() + 1, updatedAt, new ArrayList<>(keptCells),
				new ArrayList<>(keptTallies));
	}

	private static void add(ReportRevision report, int sign, Map<CellKey, LedgerCell> cells,
			Map<TallyKey, ReportTally> tallies) {
		ReportTally tally = tallies.computeIfAbsent(
				new TallyKey(report.getState(), report.getStage(), report.getAgency()),
				(key) -> new ReportTally(report.getState(), report.getStage(), report.getAgency(), 0L));
		tally.setReports(tally.getReports() + sign);
		for (Finding finding : report.getFindings()) {
			LedgerCell cell = cells.computeIfAbsent(CellKey.of(finding, report),
					(key) -> new LedgerCell(finding.getCategory(), finding.getUnit(), finding.getCurrency(),
							report.getState(), report.getStage(), report.getAgency(),
							Quantities.onTheWire(BigDecimal.ZERO), 0L));
			BigDecimal quantity = Quantities.onTheWire(finding.getQuantity());
			cell.setQuantity(cell.getQuantity().add((sign > 0) ? quantity : quantity.negate()));
			cell.setLines(cell.getLines() + sign);
		}
	}

	/**
	 * The council-level view of a ledger: per category (and currency), the total, by
	 * state and by stage, in catalogue order.
	 * @param ledger an operation's ledger
	 * @param catalogue for the order of categories
	 * @return the council totals
	 */
	public static CouncilTotals councilTotals(OperationLedger ledger, Catalogue catalogue) {
		Map<LineKey, TotalLine> lines = new TreeMap<>();
		for (LedgerCell cell : ledger.getCells()) {
			LineKey key = new LineKey(catalogue.rankOf(cell.getCategory()), cell.getCategory(),
					Objects.toString(cell.getCurrency(), ""));
			TotalLine line = lines.computeIfAbsent(key, (k) -> new TotalLine(cell.getCategory(), cell.getUnit(),
					cell.getCurrency(), Quantities.onTheWire(BigDecimal.ZERO), new TreeMap<>(), new TreeMap<>()));
			line.setTotal(line.getTotal().add(cell.getQuantity()));
			line.getByState().merge(cell.getState(), cell.getQuantity(), BigDecimal::add);
			line.getByStage().merge(String.valueOf(cell.getStage()), cell.getQuantity(), BigDecimal::add);
		}
		return new CouncilTotals(ledger.getOperation(), ledger.getVersion(), ledger.getUpdatedAt(), reports(ledger),
				new ArrayList<>(lines.values()));
	}

	/**
	 * The reports that currently count in a ledger.
	 * @param ledger an operation's ledger
	 * @return reports whose standing revision is not withdrawn
	 */
	public static long reports(OperationLedger ledger) {
		return ledger.getTallies().stream().mapToLong(ReportTally::getReports).sum();
	}

	private static LedgerCell copy(LedgerCell cell) {
		return LedgerCell.newBuilder(cell).build();
	}

	private static ReportTally copy(ReportTally tally) {
		return ReportTally.newBuilder(tally).build();
	}

	/**
	 * A cell of the ledger: the sum of one category (and currency) for one state, stage
	 * and agency.
	 */
	private record CellKey(String category, String currency, String state, int stage, String agency) {

		static CellKey of(LedgerCell cell) {
			return new CellKey(cell.getCategory(), cell.getCurrency(), cell.getState(), cell.getStage(),
					cell.getAgency());
		}

		static CellKey of(Finding finding, ReportRevision report) {
			return new CellKey(finding.getCategory(), finding.getCurrency(), report.getState(), report.getStage(),
					report.getAgency());
		}

	}

	/** The reports counted for one state, stage and agency. */
	private record TallyKey(String state, int stage, String agency) {

		static TallyKey of(ReportTally tally) {
			return new TallyKey(tally.getState(), tally.getStage(), tally.getAgency());
		}

	}

	/** A council-level line, in catalogue order: category rank, category, currency. */
	private record LineKey(int rank, String category, String currency) implements Comparable<LineKey> {

		private static final Comparator<LineKey> ORDER = Comparator.comparingInt(LineKey::rank)
			.thenComparing(LineKey::category)
			.thenComparing(LineKey::currency);

		@Override
		public int compareTo(LineKey other) {
			return ORDER.compare(this, other);
		}

	}

}
