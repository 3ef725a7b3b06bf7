package org.jointops.aggregator.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.register.RegisterChanges;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads and changes the submission status of each stage and member state of an operation,
 * in the operation's register ({@link RegisterChanges}): the change is checked against
 * the register's current version before anything is written.
 */
@Service
class Approvals {

	private final RegisterChanges changes;

	private final CurrentCatalogue catalogue;

	Approvals(RegisterChanges changes, CurrentCatalogue catalogue) {
		this.changes = changes;
		this.catalogue = catalogue;
	}

	/**
	 * Every case of an operation.
	 * @param operation the operation
	 * @param onlyState the only state to list (a state reader), or empty for all
	 * @return the cases, by stage
	 */
	SubmissionsView list(String operation, Optional<String> onlyState) {
		Catalogue catalogue = this.catalogue.current();
		Operation known = known(catalogue, operation);
		RegisterDocument register = this.changes.current(operation);
		List<String> states = catalogue.states().stream().map(MemberState::code).toList();
		FiguresView figures = Finality.of(register, known, states, null);
		List<SubmissionsView.StageView> stages = new ArrayList<>();
		for (Stage stage : known.stages()) {
			List<SubmissionsView.CaseView> cases = catalogue.states()
				.stream()
				.filter((state) -> onlyState.map(state.code()::equals).orElse(true))
				.map((state) -> caseOf(register, stage.stage(), state))
				.toList();
			stages.add(new SubmissionsView.StageView(stage.stage(),
					figures.byStage().get(String.valueOf(stage.stage())), cases));
		}
		return new SubmissionsView(operation, known.name(), register.version(), figures.status(), stages);
	}

	/**
	 * One case with its history.
	 * @param operation the operation
	 * @param stage the stage
	 * @param state the member state
	 * @return the case
	 */
	SubmissionHistoryView history(String operation, int stage, String state) {
		checkCase(this.catalogue.current(), operation, stage, state);
		return historyOf(this.changes.current(operation), stage, state);
	}

	/**
	 * Takes an action on a case.
	 * @param operation the operation
	 * @param stage the stage
	 * @param state the member state
	 * @param action the action
	 * @param comment why, or null
	 * @param by the reader's name
	 * @param expectedVersion the register version it was made against, or null
	 * @return the case afterwards
	 */
	SubmissionHistoryView act(String operation, int stage, String state, TransitionAction action, String comment,
			String by, Long expectedVersion) {
		checkCase(this.catalogue.current(), operation, stage, state);
		String reason = checkComment(action, comment);
		RegisterDocument applied = this.changes.change(operation, expectedVersion, (current, now) -> {
			SubmissionStatus status = current.status(stage, state);
			Optional<String> refusal = current.check(action, stage, state, reason);
			if (refusal.isPresent()) {
				throw new InvalidTransitionException(refusal.get() + "; possible now: " + describe(possible(status)),
						action, status, possible(status), current.version());
			}
			return current.withTransition(new Transition(stage, state, action, action.to(), now, by, reason));
		});
		return historyOf(applied, stage, state);
	}

	static List<TransitionAction> possible(SubmissionStatus status) {
		return Arrays.stream(TransitionAction.values()).filter((action) -> action.allowedFrom(status)).toList();
	}

	private static String describe(List<TransitionAction> actions) {
		return actions.isEmpty() ? "nothing" : actions.stream().map(Enum::name).toList().toString();
	}

	private static SubmissionsView.CaseView caseOf(RegisterDocument register, int stage, MemberState state) {
		SubmissionStatus status = register.status(stage, state.code());
		Transition last = register.lastTransition(stage, state.code()).orElse(null);
		return new SubmissionsView.CaseView(stage, state.code(), state.name(), status, FigureStatus.of(status),
				status.locked(), possible(status), last);
	}

	private static SubmissionHistoryView historyOf(RegisterDocument register, int stage, String state) {
		SubmissionStatus status = register.status(stage, state);
		List<Transition> transitions = register.transitions()
			.stream()
			.filter((transition) -> transition.isOf(stage, state))
			.toList();
		return new SubmissionHistoryView(register.operation(), stage, state, register.version(), status,
				FigureStatus.of(status), status.locked(), possible(status), transitions);
	}

	private static String checkComment(TransitionAction action, String comment) {
		String reason = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (reason == null && action.needsComment()) {
			throw new InvalidSubmissionRequestException(HttpStatus.BAD_REQUEST,
					action + " needs a comment saying why (it is recorded)",
					new Violation("comment", "required to " + action.name().toLowerCase(Locale.ROOT)
							+ ": say why (it is recorded with the transition)"));
		}
		if (reason != null && reason.length() > TransitionRequest.MAX_COMMENT) {
			throw new InvalidSubmissionRequestException(HttpStatus.BAD_REQUEST, "The comment is too long",
					new Violation("comment",
							"at most " + TransitionRequest.MAX_COMMENT + " characters, found " + reason.length()));
		}
		return reason;
	}

	private static Operation known(Catalogue catalogue, String operation) {
		return catalogue.operation(operation).orElseThrow(() -> new UnknownOperationException(operation));
	}

	private static void checkCase(Catalogue catalogue, String operation, int stage, String state) {
		Operation known = known(catalogue, operation);
		if (known.stage(stage).isEmpty()) {
			throw new InvalidSubmissionRequestException(HttpStatus.NOT_FOUND,
					"Operation " + operation + " has no stage " + stage,
					new Violation("stage", "must be a stage of " + operation + " ("
							+ known.stages().stream().map(Stage::stage).toList() + "), found " + stage));
		}
		if (catalogue.state(state).isEmpty()) {
			throw new InvalidSubmissionRequestException(HttpStatus.NOT_FOUND,
					"No member state " + Untrusted.quoted(state),
					new Violation("state",
							"must be a member state of the catalogue ("
									+ catalogue.states().stream().map(MemberState::code).toList() + "), found "
									+ Untrusted.quoted(state)));
		}
	}

}
