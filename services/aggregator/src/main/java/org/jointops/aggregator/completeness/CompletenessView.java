package org.jointops.aggregator.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jointops.aggregator.completeness.Completeness.Status;

/**
 * Who has reported on each stage of an operation.
 *
 * @param operation operation code
 * @param name operation name
 * @param at the instant deadlines are judged at
 * @param stages one entry per stage of the catalogue
 */
record CompletenessView(String operation, String name, Instant at, List<StageView> stages) {

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
	record StageView(int stage, LocalDate start, LocalDate end, LocalDate reportBy, int reported, int expected,
			List<String> overdue, List<StateView> states) {
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
	 */
	record StateView(String state, String name, Status status, long reports, Instant firstReportedAt,
			Instant lastReportedAt, List<AgencyView> agencies) {
	}

	/**
	 * One agency of a state on one stage.
	 *
	 * @param agency agency code
	 * @param reports its reports that count now
	 * @param submissions its submissions that changed the figures (withdrawals included)
	 * @param lastReportedAt its latest submission
	 */
	record AgencyView(String agency, long reports, int submissions, Instant lastReportedAt) {
	}

}
