package org.jointops.aggregator.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.register.FigureStatus;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication is shown with the catalogue it stored, so that a stage added to the
 * operation afterwards changes none of its marks; a snapshot from before snapshots stored
 * the catalogue is shown with the current one.
 */
class PublishedRenderingTests {

	private static final Instant AT = Instant.parse("2026-06-30T10:00:00Z");

	private static final Catalogue THEN = CatalogueLoader.bundled();

	/** The catalogue after a third stage was added to ILLEGAL-2017. */
	private static final Catalogue NOW = withThirdStage(THEN);

	@Test
	void aStageAddedAfterThePublicationChangesNoneOfItsMarks() {
		Snapshot snapshot = snapshot(THEN.content().toJson());

		OperationTotalsView totals = PublishedRendering.totals(snapshot, NOW);

		assertThat(totals.figures().byStage()).containsOnlyKeys("1", "2");
		assertThat(totals.figures().byState()).containsEntry("KAZ", FigureStatus.FINAL);
		ResponseEntity<?> summary = PublishedRendering.summary(snapshot, NOW, "en", "txt", null);
		assertThat(summary.getBody().toString()).doesNotContain("stage 3", "Stage 3");
	}

	@Test
	void aSnapshotFromBeforeCataloguesWereStoredIsShownWithTheCurrentOne() {
		OperationTotalsView totals = PublishedRendering.totals(snapshot(""), NOW);

		assertThat(totals.figures().byStage()).containsOnlyKeys("1", "2", "3");
		assertThat(totals.figures().byState()).containsEntry("KAZ", FigureStatus.PRELIMINARY);
	}

	/**
	 * Publication 1 of ILLEGAL-2017, with KAZ's figures of both stages accepted.
	 */
	private static Snapshot snapshot(String catalogue) {
		RegisterDocument register = RegisterDocument.empty("ILLEGAL-2017");
		for (int stage = 1; stage <= 2; stage++) {
			register = register
				.withTransition(new Transition(stage, "KAZ", TransitionAction.SUBMIT, SubmissionStatus.SUBMITTED, AT,
						"kaz", null))
				.withTransition(new Transition(stage, "KAZ", TransitionAction.ACCEPT, SubmissionStatus.ACCEPTED, AT,
						"secretariat", null));
		}
		CouncilTotals totals = new CouncilTotals("ILLEGAL-2017", 0L, Instant.EPOCH, 0L, List.of(), 0L);
		PublishedFigures figures = new PublishedFigures("ILLEGAL-2017", 1, AT, "secretariat",
				FigureStatus.PRELIMINARY.name(), totals, register.toJson(), catalogue);
		return Snapshot.of(new PublicationEntry(1, AT, "secretariat", FigureStatus.PRELIMINARY, "ILLEGAL-2017/1/x", 0L),
				figures);
	}

	private static Catalogue withThirdStage(Catalogue catalogue) {
		CatalogueContent content = catalogue.content();
		List<Operation> operations = new ArrayList<>();
		for (Operation operation : content.operations()) {
			if (operation.code().equals("ILLEGAL-2017")) {
				List<Stage> stages = new ArrayList<>(operation.stages());
				stages.add(new Stage(3, LocalDate.parse("2018-03-05"), LocalDate.parse("2018-03-16"), null));
				operation = new Operation(operation.code(), operation.programme(), operation.name(), stages,
						operation.reportingDays(), operation.retired());
			}
			operations.add(operation);
		}
		return Catalogue
			.of(new CatalogueContent(content.states(), content.agencies(), content.programmes(), operations));
	}

}
