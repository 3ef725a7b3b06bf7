package org.jointops.aggregator.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportTally;

/**
 * Who has reported on each stage of an operation, when, and who is overdue. A pure
 * function of the operation's activity (kept as the changes flow), its current ledger,
 * the catalogue and the instant it is judged at.
 * <p>
 * Deadlines are days (UTC): a state that has not reported on a stage by the end of its
 * reporting deadline ({@link Operation#reportingDeadline}) is {@link Status#OVERDUE}; one
 * whose first report came after it is {@link Status#LATE}.
 */
final class Completeness {

	private Completeness() {
	}

	static CompletenessView of(Operation operation, Catalogue catalogue, Map<ActivityKey, Activity> activity,
			OperationLedger ledger, Instant now) {
		List<CompletenessView.StageView> stages = new ArrayList<>();
		for (Stage stage : operation.stages()) {
			LocalDate deadline = operation.reportingDeadline(stage).orElse(null);
			Instant deadlineEnd = (deadline != null) ? deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
					: null;
			List<CompletenessView.StateView> states = new ArrayList<>();
			List<String> overdue = new ArrayList<>();
			int reported = 0;
			for (MemberState state : catalogue.states()) {
				Map<String, Activity> agencies = new TreeMap<>();
				activity.forEach((key, agency) -> {
					if (key.stage() == stage.stage() && key.state().equals(state.code())) {
						agencies.put(key.agency(), agency);
					}
				});
				Instant first = agencies.values().stream().map(Activity::getFirst).min(Instant::compareTo).orElse(null);
				Instant last = agencies.values().stream().map(Activity::getLast).max(Instant::compareTo).orElse(null);
				Status status;
				if (first != null) {
					reported++;
					status = (deadlineEnd != null && !first.isBefore(deadlineEnd)) ? Status.LATE : Status.REPORTED;
				}
				else if (deadlineEnd != null && !now.isBefore(deadlineEnd)) {
					status = Status.OVERDUE;
					overdue.add(state.code());
				}
				else {
					status = Status.AWAITED;
				}
				List<CompletenessView.AgencyView> agencyViews = new ArrayList<>();
				agencies.forEach((agency,
						submitted) -> agencyViews.add(new CompletenessView.AgencyView(agency,
								counting(ledger, state.code(), stage.stage(), agency), (int) submitted.getSubmissions(),
								submitted.getLast())));
				states.add(new CompletenessView.StateView(state.code(), state.name(), status,
						counting(ledger, state.code(), stage.stage(), null), first, last, agencyViews));
			}
			stages.add(new CompletenessView.StageView(stage.stage(), stage.start(), stage.end(), deadline, reported,
					catalogue.states().size(), overdue, states));
		}
		return new CompletenessView(operation.code(), operation.name(), now, stages);
	}

	private static long counting(OperationLedger ledger, String state, int stage, String agency) {
		return ledger.getTallies()
			.stream()
			.filter((tally) -> tally.getState().equals(state) && tally.getStage() == stage
					&& (agency == null || tally.getAgency().equals(agency)))
			.mapToLong(ReportTally::getReports)
			.sum();
	}

	/** How a state stands on a stage. */
	enum Status {

		/** It has reported, by the deadline or with none set. */
		REPORTED,

		/** It has reported, but its first report came after the deadline. */
		LATE,

		/** It has not reported and the deadline has passed. */
		OVERDUE,

		/** It has not reported yet; the deadline has not passed, or none is set. */
		AWAITED

	}

}
