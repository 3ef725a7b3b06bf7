package org.jointops.producer.ingest;

import java.util.Optional;

import org.jointops.register.RegisterDocument;
import org.jointops.register.Transition;
import org.jointops.support.register.CurrentRegister;

import org.springframework.stereotype.Component;

/**
 * The locks the secretariat's register puts on this state's figures: a stage whose
 * figures the state submitted (SUBMITTED) or the secretariat accepted (ACCEPTED) takes no
 * new revision and no withdrawal. The register is read on each request as this producer
 * has followed it ({@link CurrentRegister}), a moment behind the aggregator that wrote
 * it.
 */
@Component
public class StageLocks {

	private final CurrentRegister register;

	StageLocks(CurrentRegister register) {
		this.register = register;
	}

	/**
	 * Checks that a stage of an operation takes revisions of a state's reports.
	 * @param operation the operation
	 * @param stage the stage
	 * @param state the member state
	 * @throws StageLockedException if it is locked
	 */
	void check(String operation, int stage, String state) {
		lock(this.register.of(operation), stage, state).ifPresent((lock) -> {
			throw new StageLockedException(operation, state, lock);
		});
	}

	/**
	 * The transition that locks a stage for a state, if it is locked.
	 * @param register the operation's register
	 * @param stage the stage
	 * @param state the member state
	 * @return the last transition, if its status is locked
	 */
	static Optional<Transition> lock(RegisterDocument register, int stage, String state) {
		return register.lastTransition(stage, state).filter((last) -> last.status().locked());
	}

}
