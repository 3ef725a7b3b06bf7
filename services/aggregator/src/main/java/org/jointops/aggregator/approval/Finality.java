package org.jointops.aggregator.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;

/**
 * Whether an operation's figures are final, by stage and member state: a pure function of
 * a register document and the operation's catalogue entry, so that the live totals, the
 * summary, the dashboard and a publication (its stored register) mark them alike. A case
 * (stage and state) is FINAL once ACCEPTED; a stage once every member state's case is; a
 * state once its cases of every stage are; the operation once every case is.
 */
public final class Finality {

	private Finality() {
	}

	/**
	 * The marks of an operation's figures.
	 * @param register the operation's register
	 * @param operation the operation's catalogue entry (its stages)
	 * @param states the member states' codes, in catalogue order
	 * @param asOf the instant the figures stand at (transitions recorded later are left
	 * out), or null for now
	 * @return the marks
	 */
	public static FiguresView of(RegisterDocument register, Operation operation, List<String> states, Instant asOf) {
		List<FiguresView.CaseMark> cases = new ArrayList<>();
		Map<String, FigureStatus> byStage = new LinkedHashMap<>();
		Map<String, FigureStatus> byState = new LinkedHashMap<>();
		states.forEach((state) -> byState.put(state, FigureStatus.FINAL));
		for (Stage stage : operation.stages()) {
			FigureStatus stageStatus = FigureStatus.FINAL;
			for (String state : states) {
				SubmissionStatus submission = statusAt(register, stage.stage(), state, asOf);
				FigureStatus status = FigureStatus.of(submission);
				cases.add(new FiguresView.CaseMark(stage.stage(), state, submission, status));
				if (status != FigureStatus.FINAL) {
					stageStatus = FigureStatus.PRELIMINARY;
					byState.put(state, FigureStatus.PRELIMINARY);
				}
			}
			byStage.put(String.valueOf(stage.stage()), states.isEmpty() ? FigureStatus.PRELIMINARY : stageStatus);
		}
		if (operation.stages().isEmpty()) {
			states.forEach((state) -> byState.put(state, FigureStatus.PRELIMINARY));
		}
		boolean allFinal = !cases.isEmpty() && cases.stream().allMatch((mark) -> mark.status() == FigureStatus.FINAL);
		return new FiguresView(allFinal ? FigureStatus.FINAL : FigureStatus.PRELIMINARY, byState, byStage, cases);
	}

	/**
	 * The status of a case at an instant.
	 * @param register the operation's register
	 * @param stage the stage
	 * @param state the member state
	 * @param asOf the instant, or null for now
	 * @return the status of its last transition at or before it; OPEN if none
	 */
	static SubmissionStatus statusAt(RegisterDocument register, int stage, String state, Instant asOf) {
		if (asOf == null) {
			return register.status(stage, state);
		}
		SubmissionStatus status = SubmissionStatus.OPEN;
		for (Transition transition : register.transitions()) {
			if (transition.isOf(stage, state) && !transition.at().isAfter(asOf)) {
				status = transition.status();
			}
		}
		return status;
	}

}
