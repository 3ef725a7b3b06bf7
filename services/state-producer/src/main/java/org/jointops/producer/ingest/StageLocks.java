package org.jointops.producer.ingest;

import java.util.Optional;

import org.jointops.producer.security.ReportMark;
import org.jointops.producer.security.ReportMarks;
import org.jointops.register.RegisterDocument;
import org.jointops.register.Transition;
import org.jointops.support.register.CurrentRegister;

import org.springframework.stereotype.Component;

/**
 * The locks the secretariat's register puts on this state's figures: a stage whose
 * figures the state submitted (SUBMITTED) or the secretariat accepted (ACCEPTED) takes no
 * new revision and no withdrawal, neither naming that stage nor of a report whose figures
 * stand in it (as far as {@link ReportMarks} know). The register is read on each request
 * as this producer has followed it ({@link CurrentRegister}), a moment behind the
 * aggregator that wrote it.
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
	 * Checks that a revision of a report may change the figures it has where it stands.
	 * @param reportId the report
	 * @param standing the operation and stage its figures stand in
	 * @param state the member state
	 * @throws StageLockedException if that stage is locked
	 */
	void checkWhereItStands(String reportId, ReportMark.Slot standing, String state) {
		lock(this.register.of(standing.operation()), standing.stage(), state).ifPresent((lock) -> {
			throw new StageLockedException(standing.operation(), state, lock, reportId);
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
