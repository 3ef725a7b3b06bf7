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
