package org.jointops.aggregator.query;

import java.util.List;
import java.util.Set;

import org.jointops.ledger.LedgerCell;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportTally;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;

/**
 * Which part of an operation's figures a query is about. An empty set does not filter.
 *
 * @param states member states
 * @param stages stage numbers
 * @param agencies reporting agencies
 * @param categories finding categories (reports: those with a line in one of them)
 */
public record TotalsFilter(Set<String> states, Set<Integer> stages, Set<String> agencies, Set<String> categories) {

	/** No filter: everything. */
	public static final TotalsFilter NONE = new TotalsFilter(Set.of(), Set.of(), Set.of(), Set.of());

	public TotalsFilter {
		states = (states != null) ? Set.copyOf(states) : Set.of();
		stages = (stages != null) ? Set.copyOf(stages) : Set.of();
		agencies = (agencies != null) ? Set.copyOf(agencies) : Set.of();
		categories = (categories != null) ? Set.copyOf(categories) : Set.of();
	}

	/**
	 * Whether this filter keeps everything.
	 * @return true if no set restricts
	 */
	public boolean isEmpty() {
		return this.states.isEmpty() && this.stages.isEmpty() && this.agencies.isEmpty() && this.categories.isEmpty();
	}

	/**
	 * The part of a ledger this filter keeps. Reports are counted by state, stage and
	 * agency; a category filter narrows the lines only.
	 * @param ledger a ledger
	 * @return the ledger restricted to the filter, same version and time
	 */
	public OperationLedger apply(OperationLedger ledger) {
		if (isEmpty()) {
			return ledger;
		}
		List<LedgerCell> cells = ledger.getCells()
			.stream()
			.filter((cell) -> keeps(cell.getState(), cell.getStage(), cell.getAgency())
					&& keeps(this.categories, cell.getCategory()))
			.toList();
		List<ReportTally> tallies = ledger.getTallies()
			.stream()
			.filter((tally) -> keeps(tally.getState(), tally.getStage(), tally.getAgency()))
			.toList();
		return new OperationLedger(ledger.getOperation(), ledger.getVersion(), ledger.getUpdatedAt(), cells, tallies);
	}

	/**
	 * Whether a report falls under this filter.
	 * @param report a revision
	 * @return true if its state, stage and agency are kept and, with a category filter,
	 * it has a line in one of the categories
	 */
	public boolean matches(ReportRevision report) {
		return keeps(report.getState(), report.getStage(), report.getAgency()) && (this.categories.isEmpty()
				|| report.getFindings().stream().map(Finding::getCategory).anyMatch(this.categories::contains));
	}

	/**
	 * Whether a line of a report is kept.
	 * @param finding a finding line
	 * @return true unless a category filter leaves it out
	 */
	public boolean keeps(Finding finding) {
		return keeps(this.categories, finding.getCategory());
	}

	private boolean keeps(String state, int stage, String agency) {
		return keeps(this.states, state) && (this.stages.isEmpty() || this.stages.contains(stage))
				&& keeps(this.agencies, agency);
	}

	private static boolean keeps(Set<String> allowed, String value) {
		return allowed.isEmpty() || allowed.contains(value);
	}

}
