package org.jointops.producer.ingest;

import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.producer.security.SecurityConfiguration;
import org.jointops.register.TransitionAction;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage the state submitted or the secretariat accepted takes no new revision and no
 * withdrawal of that state's reports (409 with the lock's reason), a dry run says the
 * same, and every other stage, state or status takes them.
 */
@WebMvcTest(controllers = ReportController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, ReportIntake.class, StageLocks.class,
		IngestMetrics.class, ReportValidationTests.Config.class })
class StageLockTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	RegisterStandIn register;

	@Autowired
	ReportOwners owners;

	@BeforeEach
	void startWithNothingLockedOrPublished() {
		this.owners.markReady();
		this.publisher.reset();
		this.register.reset();
	}

	@Test
	void refusesARevisionForAnAcceptedStageNamingTheLock() {
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));

		MvcTestResult result = post(report().revision(2), false);

		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"type": "urn:jointops:problem:stage-locked", "title": "Stage locked", "status": 409,
							 "detail": "Stage 1 of ILLEGAL-2017 for KAZ was accepted by the secretariat (secretariat) on 2026-12-02T10:15Z: its figures are final and take no new revision or withdrawal; the secretariat can reopen it with a recorded reason",
							 "operation": "ILLEGAL-2017", "stage": 1, "state": "KAZ", "submissionStatus": "ACCEPTED",
							 "since": "2026-12-02T10:15:27.311Z", "by": "secretariat",
							 "errors": [{"field": "stage"}]}""");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesAWithdrawalForASubmittedStageAskingForItsReturn() {
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT));

		MvcTestResult result = post(report().revision(2).withdrawn().with("findings", java.util.List.of()), false);

		assertThat(result).hasStatus(409);
		assertThat(result).bodyJson().extractingPath("$.submissionStatus").isEqualTo("SUBMITTED");
		assertThat(result).bodyJson().extractingPath("$.since").isEqualTo("2026-12-02T09:40:12.345Z");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Stage 1 of ILLEGAL-2017 for KAZ was submitted by KAZ (kaz-ministry) on 2026-12-02T09:40Z: "
					+ "its figures stay as they are while the secretariat reviews them, and take no new revision or "
					+ "withdrawal; ask the secretariat to return it");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void aDryRunSaysTheSame() {
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));

		MvcTestResult result = post(report(), true);

		assertThat(result).hasStatus(409);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:stage-locked");
		assertThat(result).bodyJson().extractingPath("$.submissionStatus").isEqualTo("ACCEPTED");
	}

	@Test
	void takesRevisionsOfAReturnedOrReopenedStage() {
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.RETURN));
		assertThat(post(report(), false)).hasStatus(202);

		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT,
				TransitionAction.REOPEN));
		assertThat(post(report().revision(2), false)).hasStatus(202);
		assertThat(this.publisher.published()).hasSize(2);
	}

	@Test
	void aLockHoldsOnlyItsOwnStageAndState() {
		this.register.set(RegisterFixtures.illegal2017(2, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));
		assertThat(post(report(), false)).as("stage 1, while stage 2 is accepted").hasStatus(202);

		this.register.set(RegisterFixtures.illegal2017(1, "KGZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));
		assertThat(post(report().revision(2), false)).as("KAZ, while KGZ is accepted").hasStatus(202);
	}

	@Test
	void refusesARevisionOrWithdrawalThatWouldMoveAReportOutOfAnAcceptedStageWhateverStageItNames() {
		String reportId = "KAZ-INTERIOR-2017-0950";
		assertThat(post(report(reportId), false)).as("counted in stage 1 before the lock").hasStatus(202);
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));

		MvcTestResult moved = post(inStage2(report(reportId).revision(2)), false);

		assertThat(moved).hasStatus(409);
		assertThat(moved).bodyJson().isLenientlyEqualTo("""
				{"type": "urn:jointops:problem:stage-locked", "operation": "ILLEGAL-2017", "stage": 1,
				 "state": "KAZ", "submissionStatus": "ACCEPTED", "errors": [{"field": "reportId"}]}""");
		assertThat(moved).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Report " + reportId + " counts in stage 1 of ILLEGAL-2017, and this revision would change "
					+ "its figures there. Stage 1 of ILLEGAL-2017 for KAZ was accepted by the secretariat");
		assertThat(
				post(inStage2(report(reportId).revision(2).withdrawn().with("findings", java.util.List.of())), false))
			.as("a withdrawal naming stage 2")
			.hasStatus(409);
		assertThat(post(inStage2(report(reportId).revision(2)), true)).as("a dry run").hasStatus(409);
		assertThat(this.publisher.published()).extracting("revision").containsExactly(1);

		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT,
				TransitionAction.REOPEN));
		assertThat(post(inStage2(report(reportId).revision(2)), false)).as("reopened: it may move").hasStatus(202);
		this.register.set(RegisterFixtures.illegal2017(1, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT,
				TransitionAction.REOPEN, TransitionAction.SUBMIT, TransitionAction.ACCEPT));
		assertThat(post(inStage2(report(reportId).revision(3)), false))
			.as("it stands in stage 2 now: stage 1's lock does not hold it")
			.hasStatus(202);
	}

	private static ReportJson inStage2(ReportJson report) {
		return report.with("stage", 2).with("periodStart", "2017-09-25").with("periodEnd", "2017-10-06");
	}

	private static ReportJson report(String reportId) {
		return ReportJson.illegal2017(reportId).count("IMMIGRATION_LAW_VIOLATIONS", 1520);
	}

	private static ReportJson report() {
		return ReportJson.illegal2017("KAZ-INTERIOR-2017-0001").count("IMMIGRATION_LAW_VIOLATIONS", 1520);
	}

	private MvcTestResult post(ReportJson report, boolean dryRun) {
		return this.mvc.post()
			.uri("/api/v1/reports" + (dryRun ? "?dryRun=true" : ""))
			.contentType(MediaType.APPLICATION_JSON)
			.content(report.toJson())
			.exchange();
	}

}
