package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import org.jointops.totals.CouncilTotals;

/**
 * An operation's council totals, as the secretariat reads them.
 *
 * @param operation operation code
 * @param name operation name from the catalogue
 * @param version grows with every change of these totals
 * @param reports reports that currently count (highest revision, not withdrawn)
 * @param updatedAt submission time of the revision behind the latest change; null before
 * any
 * @param totals one line per category and, for money, per currency, in catalogue order
 */
public record OperationTotalsView(String operation, String name, long version, long reports, Instant updatedAt,
		List<TotalLineView> totals) {

	static OperationTotalsView of(CouncilTotals totals, String name) {
		return new OperationTotalsView(totals.getOperation(), name, totals.getVersion(), totals.getReports(),
				totals.getUpdatedAt(), totals.getLines().stream().map(TotalLineView::of).toList());
	}

	static OperationTotalsView none(String operation, String name) {
		return new OperationTotalsView(operation, name, 0, 0, null, List.of());
	}

}
