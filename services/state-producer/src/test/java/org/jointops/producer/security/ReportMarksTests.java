package org.jointops.producer.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the producers mark of a report on the owners topic: where its figures stand, its
 * withdrawal and its return, each under a key of its own; and the marks of the release
 * before, which marked withdrawals only, are still read.
 */
class ReportMarksTests {

	private static final Instant AT = Instant.parse("2017-06-03T08:00:00Z");

	private final ReportMarks marks = new ReportMarks();

	private final List<String> written = new ArrayList<>();

	ReportMarksTests() {
		this.marks
			.writeTo((reportId, mark) -> this.written.add(ReportMarks.key(reportId, mark) + " = " + mark.toValue()));
	}

	@Test
	void marksWhereAReportStandsOnlyWhenItArrivesOrMoves() {
		this.marks.published(revision(1, 1, false));
		this.marks.published(revision(2, 1, false));
		this.marks.published(revision(3, 2, false));
		this.marks.published(revision(2, 1, false));

		assertThat(this.written).containsExactly("#mark/KAZ-1/1/STANDS = STANDS 1 2017-06-03T08:00:00Z ILLEGAL-2017 1",
				"#mark/KAZ-1/3/STANDS = STANDS 3 2017-06-03T08:00:00Z ILLEGAL-2017 2");
		assertThat(this.marks.of("KAZ-1").flatMap(ReportMark::standsIn))
			.contains(new ReportMark.Slot("ILLEGAL-2017", 2));
	}

	@Test
	void aWithdrawnReportStandsNowhereUntilAHigherRevisionBringsItBack() {
		this.marks.published(revision(1, 1, false));
		this.marks.published(revision(2, 1, true));

		assertThat(this.marks.of("KAZ-1")).hasValueSatisfying((mark) -> {
			assertThat(mark.isWithdrawn()).isTrue();
			assertThat(mark.standsIn()).isEmpty();
		});

		this.marks.published(revision(3, 2, false));

		assertThat(this.written).last().isEqualTo("#mark/KAZ-1/3/BACK = BACK 3 2017-06-03T08:00:00Z ILLEGAL-2017 2");
		assertThat(this.marks.of("KAZ-1").flatMap(ReportMark::standsIn))
			.contains(new ReportMark.Slot("ILLEGAL-2017", 2));
	}

	@Test
	void readsTheMarksOfThisReleaseAndTheWithdrawalMarksOfTheOneBefore() {
		assertThat(ReportMarks.reportIdOf("#mark/KAZ-1/3/STANDS")).contains("KAZ-1");
		assertThat(ReportMarks.reportIdOf("#withdrawn/KAZ-1/3")).contains("KAZ-1");
		assertThat(ReportMarks.reportIdOf("KAZ-1")).isEmpty();
		assertThat(ReportMarks.reportIdOf("#complete")).isEmpty();

		assertThat(ReportMark.parse("WITHDRAWN 3 2017-06-03T08:00:00Z"))
			.contains(new ReportMark(ReportMark.State.WITHDRAWN, 3, AT, null));
		assertThat(ReportMark.parse("BACK 4 2017-06-03T08:00:00Z").flatMap(ReportMark::standsIn))
			.as("a return marked before slots were: where it stands is not known")
			.isEmpty();
		assertThat(ReportMark.parse("STANDS 1 2017-06-03T08:00:00Z ILLEGAL-2017 2"))
			.contains(ReportMark.stands(1, AT, new ReportMark.Slot("ILLEGAL-2017", 2)));
		assertThat(ReportMark.parse("INTERIOR")).as("an owner's value").isEmpty();
	}

	private static ReportRevision revision(int revision, int stage, boolean withdrawn) {
		return ReportRevision.newBuilder()
			.setReportId("KAZ-1")
			.setRevision(revision)
			.setState("KAZ")
			.setAgency("INTERIOR")
			.setOperation("ILLEGAL-2017")
			.setStage(stage)
			.setPeriodStart(java.time.LocalDate.parse("2017-05-22"))
			.setPeriodEnd(java.time.LocalDate.parse("2017-06-02"))
			.setFindings(List.of())
			.setWithdrawn(withdrawn)
			.setSubmittedAt(AT)
			.build();
	}

}
