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
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;

/**
 * Who has reported on each stage of an operation, when, and who is overdue. A pure
 * function of the operation's activity (kept as the changes flow), its current ledger,
 * the catalogue, the instant it is judged at and its register (the submission status of
 * each stage and state, beside its reporting status).
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
		return of(operation, catalogue, activity, ledger, now, RegisterDocument.empty(operation.code()));
	}

	/**
	 * Who has reported, and where each state's figures stand in the register.
	 * @param operation the operation
	 * @param catalogue the catalogue
	 * @param activity the operation's activity
	 * @param ledger its current ledger
	 * @param now the instant deadlines are judged at
	 * @param register its register: each case's submission status
	 * @return the view
	 */
	static CompletenessView of(Operation operation, Catalogue catalogue, Map<ActivityKey, Activity> activity,
			OperationLedger ledger, Instant now, RegisterDocument register) {
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
				SubmissionStatus submission = register.status(stage.stage(), state.code());
				states.add(new CompletenessView.StateView(state.code(), state.name(), status,
						counting(ledger, state.code(), stage.stage(), null), first, last, agencyViews, submission,
						FigureStatus.of(submission)));
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
