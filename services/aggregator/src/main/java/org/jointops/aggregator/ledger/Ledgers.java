package org.jointops.aggregator.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jointops.catalogue.Catalogue;
import org.jointops.ledger.LedgerCell;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportTally;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.jointops.wire.Quantities;

/**
 * The council-level view of an operation's ledger (exact decimal sums per category,
 * currency, state, stage and agency, as {@link LedgerReader} gives it): pure functions of
 * their arguments.
 * <p>
 * Each line is summed in its own category only: an <em>of which</em> line is part of its
 * parent as reported, and is never added into it again.
 */
public final class Ledgers {

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
	 * The council-level view of a ledger: per category (and currency), the total, by
	 * state and by stage, in catalogue order.
	 * @param ledger an operation's ledger
	 * @param catalogue for the order of categories
	 * @return the council totals
	 */
	public static CouncilTotals councilTotals(OperationLedger ledger, Catalogue catalogue) {
		Map<LineOrder, TotalLine> lines = new TreeMap<>();
		for (LedgerCell cell : ledger.getCells()) {
			LineOrder key = LineOrder.of(catalogue, cell.getCategory(), cell.getCurrency());
			TotalLine line = lines.computeIfAbsent(key, (k) -> new TotalLine(cell.getCategory(), cell.getUnit(),
					cell.getCurrency(), Quantities.onTheWire(BigDecimal.ZERO), new TreeMap<>(), new TreeMap<>()));
			line.setTotal(line.getTotal().add(cell.getQuantity()));
			line.getByState().merge(cell.getState(), cell.getQuantity(), BigDecimal::add);
			line.getByStage().merge(String.valueOf(cell.getStage()), cell.getQuantity(), BigDecimal::add);
		}
		// totals of a ledger (an answer as of an instant) are not fed: no epoch
		return new CouncilTotals(ledger.getOperation(), ledger.getVersion(), ledger.getUpdatedAt(), reports(ledger),
				new ArrayList<>(lines.values()), 0L);
	}

	/**
	 * The reports that currently count in a ledger.
	 * @param ledger an operation's ledger
	 * @return reports whose standing revision is not withdrawn
	 */
	public static long reports(OperationLedger ledger) {
		return ledger.getTallies().stream().mapToLong(ReportTally::getReports).sum();
	}

}
