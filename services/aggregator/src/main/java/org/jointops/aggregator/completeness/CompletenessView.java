package org.jointops.aggregator.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.aggregator.completeness.Completeness.Status;
import org.jointops.register.FigureStatus;
import org.jointops.register.SubmissionStatus;

/**
 * Who has reported on each stage of an operation.
 *
 * @param operation operation code
 * @param name operation name
 * @param at the instant deadlines are judged at
 * @param stages one entry per stage of the catalogue
 */
@Schema(name = "Completeness", description = "Who has reported on each stage of an operation, and who is overdue.")
record CompletenessView(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(example = "Illegal 2017") String name,
		@Schema(description = "The instant deadlines are judged at (now)") Instant at,
		@Schema(description = "One entry per stage of the catalogue") List<StageView> stages) {

	/**
	 * This view as a state's reader sees it: that state's rows alone, and the counts of
	 * each stage over that state only.
	 * @param state a member state's code
	 * @return the restricted view
	 */
	CompletenessView onlyState(String state) {
		List<StageView> restricted = this.stages.stream().map((stage) -> {
			List<StateView> rows = stage.states().stream().filter((row) -> row.state().equals(state)).toList();
			int reported = (int) rows.stream()
				.filter((row) -> row.status() == Status.REPORTED || row.status() == Status.LATE)
				.count();
			List<String> overdue = stage.overdue().stream().filter(state::equals).toList();
			return new StageView(stage.stage(), stage.start(), stage.end(), stage.reportBy(), reported, rows.size(),
					overdue, rows);
		}).toList();
		return new CompletenessView(this.operation, this.name, this.at, restricted);
	}

	/**
	 * One stage.
	 *
	 * @param stage stage number
	 * @param start first day
	 * @param end last day
	 * @param reportBy last day of the reporting deadline (UTC), null if none is set
	 * @param reported member states that have reported on it
	 * @param expected member states in the catalogue
	 * @param overdue states overdue
	 * @param states every member state
	 */
	@Schema(name = "StageCompleteness", description = "One stage.")
	record StageView(@Schema(example = "1") int stage,
			@Schema(description = "First day of the stage", example = "2017-05-22") LocalDate start,
			@Schema(description = "Last day of the stage", example = "2017-06-02") LocalDate end,
			@Schema(description = "Last day (UTC) by which every member state is due to have reported; null if "
					+ "the catalogue sets no deadline", nullable = true, example = "2017-06-12") LocalDate reportBy,
			@Schema(description = "Member states that have reported on it", example = "2") int reported,
			@Schema(description = "Member states in the catalogue (for a state reader: 1)", example = "6") int expected,
			@Schema(description = "Member states overdue") List<String> overdue,
			@Schema(description = "Every member state (for a state reader: its own)") List<StateView> states) {
	}

	/**
	 * One member state on one stage.
	 *
	 * @param state state code
	 * @param name state name
	 * @param status how it stands
	 * @param reports reports of it on this stage that count now
	 * @param firstReportedAt its first submission on this stage, null if none
	 * @param lastReportedAt its latest submission on this stage, null if none
	 * @param agencies the agencies that have reported
	 * @param submission its submission status (OPEN when nothing is recorded)
	 * @param figures FINAL when the secretariat accepted its figures
	 */
	@Schema(name = "StateCompleteness", description = "One member state on one stage.")
	record StateView(@Schema(example = "KAZ") String state, @Schema(example = "Kazakhstan") String name,
			@Schema(description = "`REPORTED`; `LATE`: its first report came after the deadline; `OVERDUE`: none by "
					+ "the end of the deadline day (UTC); `AWAITED`: none yet, and the deadline has not passed or "
					+ "none is set") Status status,
			@Schema(description = "Its reports on this stage that count now", example = "1") long reports,
			@Schema(description = "Its first submission on this stage; null if none",
					nullable = true) Instant firstReportedAt,
			@Schema(description = "Its latest submission on this stage; null if none",
					nullable = true) Instant lastReportedAt,
			@Schema(description = "The agencies that have reported") List<AgencyView> agencies,
			@Schema(description = "Its submission status beside its reporting status: OPEN, SUBMITTED, "
					+ "ACCEPTED, RETURNED or REOPENED") SubmissionStatus submission,
			@Schema(description = "FINAL when the secretariat accepted its figures") FigureStatus figures) {
	}

	/**
	 * One agency of a state on one stage.
	 *
	 * @param agency agency code
	 * @param reports its reports that count now
	 * @param submissions its submissions that changed the figures (withdrawals included)
	 * @param lastReportedAt its latest submission
	 */
	@Schema(name = "AgencyCompleteness", description = "One agency of a state on one stage.")
	record AgencyView(@Schema(example = "INTERIOR") String agency,
			@Schema(description = "Its reports that count now", example = "1") long reports,
			@Schema(description = "Its submissions that changed the figures (withdrawals included)",
					example = "2") int submissions,
			@Schema(description = "Its latest submission") Instant lastReportedAt) {
	}

}
