package org.jointops.aggregator.approval;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.register.FigureStatus;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;

/**
 * One member state's figures for one stage, with every status change.
 *
 * @param operation the operation
 * @param stage the stage number
 * @param state the member state
 * @param version the register's version (also the {@code ETag})
 * @param status its submission status
 * @param figures FINAL when accepted
 * @param locked whether producers refuse new revisions and withdrawals for it
 * @param possible the actions that can be taken now
 * @param transitions every status change, oldest first
 */
@Schema(name = "SubmissionHistory",
		description = "One member state's figures for one stage, with every status change (who, when, why).")
record SubmissionHistoryView(@Schema(example = "ILLEGAL-2017") String operation, @Schema(example = "2") int stage,
		@Schema(example = "KAZ") String state,
		@Schema(description = "The register's version (also the `ETag`)", example = "4") long version,
		SubmissionStatus status, FigureStatus figures,
		@Schema(description = "SUBMITTED and ACCEPTED: producers refuse new revisions and withdrawals") boolean locked,
		@Schema(description = "The actions that can be taken now") List<TransitionAction> possible,
		@Schema(description = "Every status change, oldest first") List<Transition> transitions) {

}
