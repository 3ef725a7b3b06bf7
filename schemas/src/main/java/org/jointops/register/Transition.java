package org.jointops.register;

import java.time.Instant;

/**
 * One recorded change of a member state's status for one stage of an operation.
 *
 * @param stage the stage number
 * @param state the member state
 * @param action what was done
 * @param status the status it led to
 * @param at when
 * @param by who (the reader's name)
 * @param comment why (required when returning or reopening), or null
 */
public record Transition(int stage, String state, TransitionAction action, SubmissionStatus status, Instant at,
		String by, String comment) {

	/**
	 * Whether this transition is of a stage and state.
	 * @param stage a stage number
	 * @param state a member state code
	 * @return true if it is
	 */
	public boolean isOf(int stage, String state) {
		return this.stage == stage && this.state.equals(state);
	}

}
