package org.jointops.aggregator.approval;

import java.util.List;

import org.jointops.register.SubmissionStatus;
import org.jointops.register.TransitionAction;

/**
 * A status change that cannot be made from the current status (409). Nothing is written.
 */
class InvalidTransitionException extends RuntimeException {

	private final TransitionAction action;

	private final SubmissionStatus status;

	private final List<TransitionAction> possible;

	private final long version;

	InvalidTransitionException(String message, TransitionAction action, SubmissionStatus status,
			List<TransitionAction> possible, long version) {
		super(message);
		this.action = action;
		this.status = status;
		this.possible = possible;
		this.version = version;
	}

	TransitionAction action() {
		return this.action;
	}

	SubmissionStatus status() {
		return this.status;
	}

	List<TransitionAction> possible() {
		return this.possible;
	}

	long version() {
		return this.version;
	}

}
