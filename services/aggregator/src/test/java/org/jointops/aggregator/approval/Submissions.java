package org.jointops.aggregator.approval;

import java.time.Instant;

import org.jointops.register.RegisterDocument;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;

/**
 * Registers with status changes, for tests: each transition a minute after the previous
 * one, from {@link #FIRST}.
 */
public final class Submissions {

	/** When the first transition is made. */
	public static final Instant FIRST = Instant.parse("2026-12-02T09:00:00Z");

	private Submissions() {
	}

	/**
	 * The next versions of a register after some states' figures for a stage are
	 * submitted, then accepted.
	 * @param register the register before
	 * @param stage the stage
	 * @param states the member states
	 * @return the register after
	 */
	public static RegisterDocument accepted(RegisterDocument register, int stage, String... states) {
		RegisterDocument next = register;
		for (String state : states) {
			next = act(next, stage, state, TransitionAction.SUBMIT, null);
			next = act(next, stage, state, TransitionAction.ACCEPT, null);
		}
		return next;
	}

	/**
	 * The next version of a register after one action.
	 * @param register the register before
	 * @param stage the stage
	 * @param state the member state
	 * @param action the action (checked)
	 * @param comment why, or null
	 * @return the register after
	 */
	public static RegisterDocument act(RegisterDocument register, int stage, String state, TransitionAction action,
			String comment) {
		register.check(action, stage, state, comment).ifPresent((refusal) -> {
			throw new IllegalArgumentException(refusal);
		});
		Instant at = FIRST.plusSeconds(60 * register.transitions().size());
		String by = (action == TransitionAction.SUBMIT) ? state.toLowerCase(java.util.Locale.ROOT) : "secretariat";
		return register.withTransition(new Transition(stage, state, action, action.to(), at, by, comment));
	}

}
