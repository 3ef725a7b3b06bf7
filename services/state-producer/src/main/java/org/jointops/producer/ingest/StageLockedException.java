package org.jointops.producer.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jointops.catalogue.Violation;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;

/**
 * A revision or withdrawal for a stage whose figures the state has submitted or the
 * secretariat has accepted, or of a report whose figures stand in such a stage (whatever
 * stage the revision names): refused (409) with the reason that names the lock.
 */
public class StageLockedException extends RuntimeException {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private final String operation;

	private final int stage;

	private final String state;

	private final SubmissionStatus status;

	private final Instant since;

	private final String by;

	private final String standingReportId;

	/**
	 * A revision or withdrawal that names a locked stage.
	 * @param operation the operation
	 * @param state the member state
	 * @param lock the transition that locked the stage
	 */
	StageLockedException(String operation, String state, Transition lock) {
		this(operation, state, lock, null);
	}

	/**
	 * A revision or withdrawal of a report whose figures stand in a locked stage.
	 * @param operation the operation the report stands in
	 * @param state the member state
	 * @param lock the transition that locked the stage
	 * @param reportId the report, or {@code null} if the revision names the stage
	 */
	StageLockedException(String operation, String state, Transition lock, String reportId) {
		super(((reportId != null) ? "Report " + reportId + " counts in stage " + lock.stage() + " of " + operation
				+ ", and this revision would change its figures there. " : "") + reason(operation, state, lock));
		this.standingReportId = reportId;
		this.operation = operation;
		this.stage = lock.stage();
		this.state = state;
		this.status = lock.status();
		this.since = lock.at();
		this.by = lock.by();
	}

	/**
	 * Why a locked stage takes no revision or withdrawal, naming the lock.
	 * @param operation the operation
	 * @param state the member state
	 * @param lock the transition that locked it (SUBMITTED or ACCEPTED)
	 * @return the reason
	 */
	static String reason(String operation, String state, Transition lock) {
		String which = "Stage " + lock.stage() + " of " + operation + " for " + state;
		String when = MINUTES.format(lock.at());
		if (lock.status() == SubmissionStatus.ACCEPTED) {
			return which + " was accepted by the secretariat (" + lock.by() + ") on " + when
					+ ": its figures are final and take no new revision or withdrawal; the secretariat can reopen it "
					+ "with a recorded reason";
		}
		return which + " was submitted by " + state + " (" + lock.by() + ") on " + when
				+ ": its figures stay as they are while the secretariat reviews them, and take no new revision or "
				+ "withdrawal; ask the secretariat to return it";
	}

	public String operation() {
		return this.operation;
	}

	public int stage() {
		return this.stage;
	}

	public String state() {
		return this.state;
	}

	/**
	 * The status that locks the stage.
	 * @return {@code SUBMITTED} or {@code ACCEPTED}
	 */
	public SubmissionStatus status() {
		return this.status;
	}

	/**
	 * Since when the stage is locked.
	 * @return the time of the transition that locked it
	 */
	public Instant since() {
		return this.since;
	}

	/**
	 * Who locked it.
	 * @return the reader's name the transition records
	 */
	public String by() {
		return this.by;
	}

	/**
	 * The refusal as a field and reason.
	 * @return the violation of {@code stage}, or of {@code reportId} if the report stands
	 * in the locked stage and the revision names another
	 */
	public Violation violation() {
		return new Violation((this.standingReportId != null) ? "reportId" : "stage", getMessage());
	}

}
