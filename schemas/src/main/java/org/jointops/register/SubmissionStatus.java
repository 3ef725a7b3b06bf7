package org.jointops.register;

/**
 * Where a member state's figures for one stage of an operation stand.
 */
public enum SubmissionStatus {

	/** Reporting: the state's agencies send, correct and withdraw reports. */
	OPEN(false),

	/**
	 * The state declared its figures complete: they stay as they are while the
	 * secretariat reviews them (no new revision or withdrawal).
	 */
	SUBMITTED(true),

	/** Accepted by the secretariat: final and locked. */
	ACCEPTED(true),

	/** Returned by the secretariat with a comment: open again. */
	RETURNED(false),

	/**
	 * Accepted, then reopened by the secretariat with a recorded reason (a lock
	 * exception).
	 */
	REOPENED(false);

	private final boolean locked;

	SubmissionStatus(boolean locked) {
		this.locked = locked;
	}

	/**
	 * Whether the producers refuse new revisions and withdrawals for the stage and state.
	 * @return true for SUBMITTED and ACCEPTED
	 */
	public boolean locked() {
		return this.locked;
	}

	/**
	 * Whether the figures are final.
	 * @return true for ACCEPTED only
	 */
	public boolean isFinal() {
		return this == ACCEPTED;
	}

}
