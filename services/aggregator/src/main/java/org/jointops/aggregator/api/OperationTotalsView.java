package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param asOf the instant the totals stand at, when asked for (absent: now)
 * @param totals one line per category and, for money, per currency, in catalogue order
 */
public record OperationTotalsView(String operation, String name, long version, long reports, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf, List<TotalLineView> totals) {

	/**
	 * The view of council totals.
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf) {
		Instant updatedAt = (totals.getVersion() > 0) ? totals.getUpdatedAt() : null;
		return new OperationTotalsView(totals.getOperation(), name, totals.getVersion(), totals.getReports(), updatedAt,
				asOf, totals.getLines().stream().map(TotalLineView::of).toList());
	}

}
