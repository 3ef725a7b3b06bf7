package org.jointops.producer.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jointops.catalogue.Violation;

/**
 * A revision of a withdrawn report that is not higher than its withdrawal: it would never
 * count (the highest revision of a report counts), so it is refused (409) with that
 * reason instead of being accepted to no effect.
 */
public class ReportWithdrawnException extends RuntimeException {

	private final String reportId;

	private final int withdrawnAtRevision;

	private final Instant withdrawnAt;

	ReportWithdrawnException(String reportId, String state, int withdrawnAtRevision, Instant withdrawnAt,
			int revision) {
		super(reason(reportId, state, withdrawnAtRevision, withdrawnAt, revision));
		this.reportId = reportId;
		this.withdrawnAtRevision = withdrawnAtRevision;
		this.withdrawnAt = withdrawnAt;
	}

	/**
	 * Why a revision of a withdrawn report would not count, and what to do instead.
	 * @param reportId the report
	 * @param state its state
	 * @param withdrawnAtRevision the revision of its withdrawal
	 * @param withdrawnAt when the withdrawal was accepted
	 * @param revision the revision refused
	 * @return the reason
	 */
	static String reason(String reportId, String state, int withdrawnAtRevision, Instant withdrawnAt, int revision) {
		return "Report " + reportId + " of " + state + " was withdrawn at revision " + withdrawnAtRevision
				+ " (accepted at " + withdrawnAt.truncatedTo(ChronoUnit.SECONDS) + "): revision " + revision
				+ " is not higher, so it would not count. To bring the report back, send a revision higher than "
				+ withdrawnAtRevision + "; to report something else, use a new report id";
	}

	public String reportId() {
		return this.reportId;
	}

	/**
	 * The revision of the withdrawal.
	 * @return its revision
	 */
	public int withdrawnAtRevision() {
		return this.withdrawnAtRevision;
	}

	/**
	 * When the withdrawal was accepted.
	 * @return its submission time
	 */
	public Instant withdrawnAt() {
		return this.withdrawnAt;
	}

	/**
	 * The refusal as a field and reason.
	 * @return the violation of {@code revision}
	 */
	public Violation violation() {
		return new Violation("revision", getMessage());
	}

}
