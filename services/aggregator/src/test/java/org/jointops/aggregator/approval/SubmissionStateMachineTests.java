package org.jointops.aggregator.approval;

import java.util.List;
import java.util.Map;

import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.TransitionAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state machine of a case, status by status: what can be done from it, what it leads
 * to, what locks the producers and what is final.
 */
class SubmissionStateMachineTests {

	private static final Map<SubmissionStatus, List<TransitionAction>> POSSIBLE = Map.of(SubmissionStatus.OPEN,
			List.of(TransitionAction.SUBMIT), SubmissionStatus.SUBMITTED,
			List.of(TransitionAction.ACCEPT, TransitionAction.RETURN), SubmissionStatus.ACCEPTED,
			List.of(TransitionAction.REOPEN), SubmissionStatus.RETURNED, List.of(TransitionAction.SUBMIT),
			SubmissionStatus.REOPENED, List.of(TransitionAction.SUBMIT));

	@Test
	void eachStatusAllowsExactlyItsActions() {
		for (SubmissionStatus status : SubmissionStatus.values()) {
			assertThat(Approvals.possible(status)).as(status.name()).isEqualTo(POSSIBLE.get(status));
		}
	}

	@Test
	void eachActionLeadsToItsStatus() {
		assertThat(TransitionAction.SUBMIT.to()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(TransitionAction.ACCEPT.to()).isEqualTo(SubmissionStatus.ACCEPTED);
		assertThat(TransitionAction.RETURN.to()).isEqualTo(SubmissionStatus.RETURNED);
		assertThat(TransitionAction.REOPEN.to()).isEqualTo(SubmissionStatus.REOPENED);
	}

	@Test
	void submittedAndAcceptedLockTheProducersAndOnlyAcceptedIsFinal() {
		assertThat(List.of(SubmissionStatus.values()).stream().filter(SubmissionStatus::locked))
			.containsExactly(SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED);
		assertThat(List.of(SubmissionStatus.values()).stream().filter(SubmissionStatus::isFinal))
			.containsExactly(SubmissionStatus.ACCEPTED);
	}

	@Test
	void aWholeCycleRecordsEveryTransitionInOrderAndReturningOrReopeningNeedsAReason() {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		assertThat(register.check(TransitionAction.RETURN, 1, "KAZ", null)).isPresent();
		register = Submissions.act(register, 1, "KAZ", TransitionAction.SUBMIT, null);
		assertThat(register.check(TransitionAction.RETURN, 1, "KAZ", " "))
			.contains("RETURN needs a comment saying why");
		register = Submissions.act(register, 1, "KAZ", TransitionAction.RETURN, "regional figures missing");
		register = Submissions.act(register, 1, "KAZ", TransitionAction.SUBMIT, null);
		register = Submissions.act(register, 1, "KAZ", TransitionAction.ACCEPT, null);
		assertThat(register.check(TransitionAction.REOPEN, 1, "KAZ", null)).isPresent();
		register = Submissions.act(register, 1, "KAZ", TransitionAction.REOPEN, "a court annulled two fines");

		assertThat(register.version()).isEqualTo(5);
		assertThat(register.transitions())
			.extracting((transition) -> transition.action().name() + ">" + transition.status()
					+ ((transition.comment() != null) ? ":" + transition.comment() : ""))
			.containsExactly("SUBMIT>SUBMITTED", "RETURN>RETURNED:regional figures missing", "SUBMIT>SUBMITTED",
					"ACCEPT>ACCEPTED", "REOPEN>REOPENED:a court annulled two fines");
		assertThat(register.status(1, "KAZ")).isEqualTo(SubmissionStatus.REOPENED);
		assertThat(register.status(2, "KAZ")).isEqualTo(SubmissionStatus.OPEN);
		assertThat(register.status(1, "RUS")).isEqualTo(SubmissionStatus.OPEN);
	}

}
