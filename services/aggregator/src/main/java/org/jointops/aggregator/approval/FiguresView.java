package org.jointops.aggregator.approval;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.register.FigureStatus;
import org.jointops.register.SubmissionStatus;

/**
 * Whether an operation's figures are final, as a whole, by member state, by stage and per
 * case ({@link Finality}).
 *
 * @param status FINAL when every member state's figures for every stage are accepted
 * @param byState per member state: FINAL when its figures for every stage are
 * @param byStage per stage number: FINAL when every member state's figures for it are
 * @param cases every stage and member state with its submission status
 */
@Schema(name = "Figures",
		description = "Whether the figures are final: FINAL once the secretariat has accepted them, "
				+ "PRELIMINARY while they may still change. The operation is FINAL when every member state's "
				+ "figures for every stage are.")
public record FiguresView(@Schema(description = "The operation's figures as a whole") FigureStatus status,
		@Schema(description = "Per member state: FINAL when its figures for every stage are accepted",
				example = "{\"KAZ\": \"FINAL\", \"KGS\": \"PRELIMINARY\"}") Map<String, FigureStatus> byState,
		@Schema(description = "Per stage: FINAL when every member state's figures for it are accepted",
				example = "{\"1\": \"FINAL\", \"2\": \"PRELIMINARY\"}") Map<String, FigureStatus> byStage,
		@Schema(description = "Every stage and member state of the catalogue") List<CaseMark> cases) {

	/**
	 * Whether the figures of one member state for one stage are final.
	 *
	 * @param stage the stage number
	 * @param state the member state
	 * @param submission its submission status (OPEN when nothing is recorded)
	 * @param status FINAL when ACCEPTED
	 */
	@Schema(name = "FigureMark", description = "One member state's figures for one stage")
	public record CaseMark(@Schema(example = "2") int stage, @Schema(example = "KAZ") String state,
			@Schema(description = "Its submission status") SubmissionStatus submission,
			@Schema(description = "FINAL when ACCEPTED") FigureStatus status) {

	}

}
