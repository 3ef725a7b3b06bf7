package org.jointops.producer.ingest;

import java.time.Instant;

import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;

/**
 * Register versions with status changes, as the secretariat's aggregator records them.
 */
public final class RegisterFixtures {

	/** When the fixtures' first transition happens. */
	public static final Instant SUBMITTED_AT = Instant.parse("2026-12-02T09:40:12.345Z");

	/** When the fixtures' second transition happens. */
	public static final Instant ACCEPTED_AT = Instant.parse("2026-12-02T10:15:27.311Z");

	private RegisterFixtures() {
	}

	/**
	 * A register of ILLEGAL-2017 after some transitions of one stage and state.
	 * @param stage the stage
	 * @param state the member state
	 * @param actions the actions taken, in order, each a minute apart
	 * @return the register
	 */
	public static RegisterDocument illegal2017(int stage, String state, TransitionAction... actions) {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		Instant at = SUBMITTED_AT;
		for (TransitionAction action : actions) {
			String by = (action == TransitionAction.SUBMIT) ? state.toLowerCase(java.util.Locale.ROOT) + "-ministry"
					: "secretariat";
			String comment = action.needsComment() ? "figures of the border regions missing" : null;
			if (action == TransitionAction.ACCEPT) {
				at = ACCEPTED_AT;
			}
			register = register.withTransition(new Transition(stage, state, action, action.to(), at, by, comment));
			at = at.plusSeconds(60);
		}
		return register;
	}

	/**
	 * The status a fixture ends in.
	 * @param register a register
	 * @param stage the stage
	 * @param state the member state
	 * @return its status
	 */
	public static SubmissionStatus status(RegisterDocument register, int stage, String state) {
		return register.status(stage, state);
	}

}
