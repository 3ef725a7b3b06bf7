package org.jointops.aggregator.approval;

import java.util.List;
import java.util.Map;

import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.Operation;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.TransitionAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marks of an operation's figures: FINAL per case once accepted, per stage and state
 * once all of theirs are, for the operation once every case is; at an instant, as the
 * transitions stood then.
 */
class FinalityTests {

	private static final Operation ILLEGAL_2017 = CatalogueLoader.bundled().operation("ILLEGAL-2017").orElseThrow();

	private static final List<String> STATES = List.of("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK");

	private static final String[] ALL = STATES.toArray(String[]::new);

	@Test
	void nothingIsFinalBeforeTheSecretariatAcceptsAnything() {
		FiguresView figures = Finality.of(RegisterDocument.empty("ILLEGAL-2017"), ILLEGAL_2017, STATES, null);

		assertThat(figures.status()).isEqualTo(FigureStatus.PRELIMINARY);
		assertThat(figures.byStage()).containsExactly(Map.entry("1", FigureStatus.PRELIMINARY),
				Map.entry("2", FigureStatus.PRELIMINARY));
		assertThat(figures.byState().values()).hasSize(6).containsOnly(FigureStatus.PRELIMINARY);
		assertThat(figures.cases()).hasSize(12)
			.allSatisfy((mark) -> assertThat(mark.submission()).isEqualTo(SubmissionStatus.OPEN));
	}

	@Test
	void theOperationIsFinalWhenEveryStateIsAcceptedForEveryStage() {
		RegisterDocument register = Submissions
			.accepted(Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, ALL), 2, ALL);

		FiguresView figures = Finality.of(register, ILLEGAL_2017, STATES, null);

		assertThat(figures.status()).isEqualTo(FigureStatus.FINAL);
		assertThat(figures.byStage().values()).containsOnly(FigureStatus.FINAL);
		assertThat(figures.byState().values()).hasSize(6).containsOnly(FigureStatus.FINAL);
	}

	@Test
	void oneCaseNotAcceptedKeepsItsStageItsStateAndTheOperationPreliminary() {
		RegisterDocument register = Submissions.accepted(
				Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, ALL), 2, "ARM", "BLR", "KAZ", "KGZ",
				"RUS");
		register = Submissions.act(register, 2, "TJK", TransitionAction.SUBMIT, null);

		FiguresView figures = Finality.of(register, ILLEGAL_2017, STATES, null);

		assertThat(figures.status()).isEqualTo(FigureStatus.PRELIMINARY);
		assertThat(figures.byStage()).containsExactly(Map.entry("1", FigureStatus.FINAL),
				Map.entry("2", FigureStatus.PRELIMINARY));
		assertThat(figures.byState()).containsEntry("TJK", FigureStatus.PRELIMINARY)
			.containsEntry("KAZ", FigureStatus.FINAL)
			.containsEntry("ARM", FigureStatus.FINAL);
		assertThat(figures.cases()).contains(
				new FiguresView.CaseMark(2, "TJK", SubmissionStatus.SUBMITTED, FigureStatus.PRELIMINARY),
				new FiguresView.CaseMark(2, "KAZ", SubmissionStatus.ACCEPTED, FigureStatus.FINAL));
	}

	@Test
	void aReopenedCaseIsPreliminaryAgain() {
		RegisterDocument register = Submissions
			.accepted(Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, ALL), 2, ALL);
		register = Submissions.act(register, 1, "KAZ", TransitionAction.REOPEN, "a court annulled two fines");

		FiguresView figures = Finality.of(register, ILLEGAL_2017, STATES, null);

		assertThat(figures.status()).isEqualTo(FigureStatus.PRELIMINARY);
		assertThat(figures.byStage()).containsEntry("1", FigureStatus.PRELIMINARY)
			.containsEntry("2", FigureStatus.FINAL);
		assertThat(figures.byState()).containsEntry("KAZ", FigureStatus.PRELIMINARY)
			.containsEntry("RUS", FigureStatus.FINAL);
	}

	@Test
	void atAnInstantTheMarksAreThoseOfTheTransitionsMadeByThen() {
		RegisterDocument register = Submissions
			.accepted(Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, ALL), 2, ALL);
		java.time.Instant lastAcceptance = register.transitions().get(register.transitions().size() - 1).at();

		assertThat(Finality.of(register, ILLEGAL_2017, STATES, lastAcceptance).status()).isEqualTo(FigureStatus.FINAL);
		FiguresView before = Finality.of(register, ILLEGAL_2017, STATES, lastAcceptance.minusMillis(1));
		assertThat(before.status()).isEqualTo(FigureStatus.PRELIMINARY);
		assertThat(before.cases())
			.contains(new FiguresView.CaseMark(2, "TJK", SubmissionStatus.SUBMITTED, FigureStatus.PRELIMINARY));
		assertThat(Finality.of(register, ILLEGAL_2017, STATES, Submissions.FIRST.minusSeconds(1)).cases())
			.allSatisfy((mark) -> assertThat(mark.submission()).isEqualTo(SubmissionStatus.OPEN));
	}

}
