package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jointops.aggregator.topology.Ledgers;
import org.jointops.aggregator.topology.ReportKey;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;
import org.jointops.report.ReportRevision;

/**
 * Every change an operation's ledger has seen, and what follows from them: the totals as
 * they stood at an instant, the reports behind them, who reported when. Pure functions of
 * the changes, so the answers survive restarts with the store they are read from.
 * <p>
 * At an instant, each report stands at the last revision that replaced it here and was
 * submitted at or before that instant; later corrections and withdrawals are left out.
 * Because the state of each report is taken whole (never a later change's difference),
 * the result is a consistent ledger, equal to the live one for any instant after the
 * latest submission.
 */
public final class OperationHistory {

	private final String operation;

	private final List<VersionedChange> changes;

	private OperationHistory(String operation, List<VersionedChange> changes) {
		this.operation = operation;
		this.changes = List.copyOf(changes);
	}

	/**
	 * The history of an operation.
	 * @param operation operation code
	 * @param changes its changes, in version order
	 * @return the history
	 */
	public static OperationHistory of(String operation, List<VersionedChange> changes) {
		return new OperationHistory(operation, changes);
	}

	/**
	 * Whether the history goes back to the first change. An aggregator that ran before
	 * the history was kept has ledgers whose first changes are not in it.
	 * @return true if version 1 is there, or there are no changes at all
	 */
	public boolean isComplete() {
		return this.changes.isEmpty() || this.changes.get(0).version() == 1;
	}

	/**
	 * The earliest version the history holds.
	 * @return a version, 0 if there are no changes
	 */
	public long firstVersion() {
		return this.changes.isEmpty() ? 0 : this.changes.get(0).version();
	}

	/**
	 * The ledger as it stood at an instant.
	 * @param asOf the instant; revisions submitted after it do not count
	 * @return the ledger, at the version of the latest change it includes (0 and
	 * {@link Instant#EPOCH} if none)
	 */
	public OperationLedger ledgerAsOf(Instant asOf) {
		OperationLedger ledger = Ledgers.empty();
		long version = 0;
		Instant updatedAt = Instant.EPOCH;
		for (Standing standing : standingAt(asOf)) {
			ReportChange change = standing.change().change();
			ledger = Ledgers.apply(this.operation,
					new ReportChange(null, change.getAfter(), change.getChangedAt(), change.getRevisions()), ledger);
		}
		for (VersionedChange change : this.changes) {
			if (!change.change().getChangedAt().isAfter(asOf)) {
				version = Math.max(version, change.version());
				updatedAt = change.change().getChangedAt().isAfter(updatedAt) ? change.change().getChangedAt()
						: updatedAt;
			}
		}
		return new OperationLedger(this.operation, version, updatedAt, ledger.getCells(), ledger.getTallies());
	}

	/**
	 * The reports that count, each at its standing revision.
	 * @param asOf an instant, or null for now
	 * @return the reports, by state, agency and report id
	 */
	public List<StandingReportView> reports(Instant asOf) {
		return standingAt(asOf).stream()
			.map((standing) -> new StandingReportView(standing.change().change().getAfter(),
					standing.change().change().getRevisions(), standing.change().version()))
			.sorted(Comparator.comparing((StandingReportView report) -> report.report().getState())
				.thenComparing((report) -> report.report().getAgency())
				.thenComparing((report) -> report.report().getReportId()))
			.toList();
	}

	/**
	 * Every submission that changed this operation's figures, withdrawals included: who
	 * reported on which stage, and when.
	 * @return the submissions, in version order
	 */
	public List<Submission> submissions() {
		List<Submission> submissions = new ArrayList<>();
		for (VersionedChange change : this.changes) {
			ReportRevision subject = change.subject();
			submissions.add(new Submission(subject.getState(), subject.getStage(), subject.getAgency(),
					change.change().getChangedAt()));
		}
		return submissions;
	}

	private List<Standing> standingAt(Instant asOf) {
		Map<ReportKey, VersionedChange> last = new LinkedHashMap<>();
		for (VersionedChange change : this.changes) {
			if (asOf == null || !change.change().getChangedAt().isAfter(asOf)) {
				last.put(change.reportKey(), change);
			}
		}
		return last.values()
			.stream()
			.filter((change) -> change.change().getAfter() != null)
			.map(Standing::new)
			.toList();
	}

	private record Standing(VersionedChange change) {
	}

	/**
	 * A report that counts, at its standing revision.
	 *
	 * @param report the standing revision
	 * @param revisions how many revisions of the report have stood in turn, this one
	 * included
	 * @param version the ledger version its standing revision produced
	 */
	public record StandingReportView(ReportRevision report, int revisions, long version) {
	}

	/**
	 * A submission that changed the operation's figures.
	 *
	 * @param state reporting state
	 * @param stage stage reported on
	 * @param agency reporting agency
	 * @param submittedAt when the producer accepted it
	 */
	public record Submission(String state, int stage, String agency, Instant submittedAt) {
	}

}
