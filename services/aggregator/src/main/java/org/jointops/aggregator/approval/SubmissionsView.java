package org.jointops.aggregator.approval;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.register.FigureStatus;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;

/**
 * Where every member state's figures for every stage of an operation stand.
 *
 * @param operation the operation
 * @param name its name in the catalogue
 * @param version the register's version (also the {@code ETag})
 * @param status FINAL when every case is accepted
 * @param stages one per stage of the catalogue
 */
@Schema(name = "Submissions",
		description = "Where every member state's figures for every stage of an operation stand (for a state "
				+ "reader: its own state's rows; the operation's status still counts every state).")
record SubmissionsView(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(example = "Illegal 2017") String name,
		@Schema(description = "The register's version these statuses are read from (also the `ETag`)",
				example = "4") long version,
		@Schema(description = "FINAL when every member state's figures for every stage are accepted") FigureStatus status,
		List<StageView> stages) {

	/**
	 * One stage.
	 *
	 * @param stage the stage number
	 * @param status FINAL when every member state's figures for it are accepted
	 * @param states one case per member state
	 */
	@Schema(name = "StageSubmissions", description = "One stage.")
	record StageView(@Schema(example = "2") int stage,
			@Schema(description = "FINAL when every member state's figures for it are accepted") FigureStatus status,
			List<CaseView> states) {

	}

	/**
	 * One member state's figures for one stage.
	 *
	 * @param stage the stage number
	 * @param state the member state
	 * @param name its name
	 * @param status its submission status
	 * @param figures FINAL when accepted
	 * @param locked whether the producers refuse new revisions and withdrawals for it
	 * @param possible the actions that can be taken now
	 * @param lastTransition the last status change, null while OPEN without one
	 */
	@Schema(name = "Submission", description = "One member state's figures for one stage.")
	record CaseView(@Schema(example = "2") int stage, @Schema(example = "KAZ") String state,
			@Schema(example = "Kazakhstan") String name,
			@Schema(description = "OPEN when nothing is recorded") SubmissionStatus status,
			@Schema(description = "FINAL when ACCEPTED") FigureStatus figures,
			@Schema(description = "SUBMITTED and ACCEPTED: producers refuse new revisions and withdrawals "
					+ "(409 `urn:jointops:problem:stage-locked`)") boolean locked,
			@Schema(description = "The actions that can be taken now (by whoever may take them)") List<TransitionAction> possible,
			@Schema(description = "The last status change (who, when, why); null if none",
					nullable = true) Transition lastTransition) {

	}

}
