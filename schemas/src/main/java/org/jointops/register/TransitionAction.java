package org.jointops.register;

import java.util.Set;

/**
 * What can be done to a stage's status for one member state, from which statuses, and
 * what it leads to.
 */
public enum TransitionAction {

	/** The state declares its figures complete (role STATE, its own state). */
	SUBMIT(SubmissionStatus.SUBMITTED,
			Set.of(SubmissionStatus.OPEN, SubmissionStatus.RETURNED, SubmissionStatus.REOPENED), false),

	/** The secretariat accepts submitted figures: final, locked. */
	ACCEPT(SubmissionStatus.ACCEPTED, Set.of(SubmissionStatus.SUBMITTED), false),

	/** The secretariat returns submitted figures with a comment: open again. */
	RETURN(SubmissionStatus.RETURNED, Set.of(SubmissionStatus.SUBMITTED), true),

	/**
	 * The secretariat reopens accepted figures with a recorded reason (a lock exception).
	 */
	REOPEN(SubmissionStatus.REOPENED, Set.of(SubmissionStatus.ACCEPTED), true);

	private final SubmissionStatus to;

	private final Set<SubmissionStatus> from;

	private final boolean needsComment;

	TransitionAction(SubmissionStatus to, Set<SubmissionStatus> from, boolean needsComment) {
		this.to = to;
		this.from = from;
		this.needsComment = needsComment;
	}

	/**
	 * The status the action leads to.
	 * @return the status after it
	 */
	public SubmissionStatus to() {
		return this.to;
	}

	/**
	 * Whether the action can be taken from a status.
	 * @param status the current status
	 * @return true if allowed
	 */
	public boolean allowedFrom(SubmissionStatus status) {
		return this.from.contains(status);
	}

	/**
	 * The statuses it can be taken from.
	 * @return the statuses
	 */
	public Set<SubmissionStatus> from() {
		return this.from;
	}

	/**
	 * Whether a comment (a reason) is required.
	 * @return true for RETURN and REOPEN
	 */
	public boolean needsComment() {
		return this.needsComment;
	}

}
