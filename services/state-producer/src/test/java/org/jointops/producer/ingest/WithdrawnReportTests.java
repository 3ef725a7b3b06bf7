package org.jointops.producer.ingest;

import java.util.List;

import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.producer.security.SecurityConfiguration;
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
 * A revision of a withdrawn report that is not higher than the withdrawal would never
 * count: refused (409) with that reason, a dry run says the same; the withdrawal itself
 * sent again is still accepted; a higher revision brings the report back and says so.
 */
@WebMvcTest(controllers = ReportController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, ReportIntake.class, StageLocks.class,
		IngestMetrics.class, ReportValidationTests.Config.class })
class WithdrawnReportTests {

	private static int reports;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	RegisterStandIn register;

	@Autowired
	ReportOwners owners;

	private String reportId;

	@BeforeEach
	void startWithANewReportNothingLockedOrPublished() {
		this.owners.markReady();
		this.publisher.reset();
		this.register.reset();
		// marks are kept for the context's life: each test a report of its own
		this.reportId = "KAZ-WITHDRAWN-" + (++reports);
	}

	@Test
	void refusesARevisionNotHigherThanTheWithdrawalNamingIt() {
		assertThat(post(report().revision(2), false)).hasStatus(202);
		assertThat(post(withdrawal(3), false)).hasStatus(202);

		MvcTestResult result = post(report().revision(2), false);

		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String reason = "Report " + this.reportId + " of KAZ was withdrawn at revision 3 (accepted at "
				+ "2017-06-03T08:00:00Z): revision 2 is not higher, so it would not count. To bring the report back, "
				+ "send a revision higher than 3; to report something else, use a new report id";
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("""
					{"type": "urn:jointops:problem:report-withdrawn", "title": "Report withdrawn", "status": 409,
					 "detail": "%s", "reportId": "%s", "withdrawnAtRevision": 3,
					 "withdrawnAt": "2017-06-03T08:00:00Z", "errors": [{"field": "revision", "reason": "%s"}]}"""
				.formatted(reason, this.reportId, reason));
		assertThat(post(report().revision(3), false)).as("the withdrawal's own revision, not withdrawn").hasStatus(409);
		assertThat(post(withdrawal(1), false)).as("a lower withdrawal").hasStatus(409);
		assertThat(this.publisher.published()).extracting("revision").containsExactly(2, 3);
	}

	@Test
	void aDryRunSaysTheSame() {
		assertThat(post(withdrawal(2), false)).hasStatus(202);

		MvcTestResult result = post(report().revision(1), true);

		assertThat(result).hasStatus(409);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:report-withdrawn");
		assertThat(result).bodyJson().extractingPath("$.withdrawnAtRevision").isEqualTo(2);
	}

	@Test
	void theWithdrawalSentAgainIsAcceptedAsBefore() {
		assertThat(post(withdrawal(2), false)).hasStatus(202);

		MvcTestResult again = post(withdrawal(2), false);

		assertThat(again).hasStatus(202);
		assertThat(this.publisher.published()).as("sent again, as a retrying client does").hasSize(2);
		assertThat(again).bodyJson().doesNotHavePath("$.notice");
	}

	@Test
	void aHigherRevisionBringsTheReportBackAndSaysSo() {
		assertThat(post(withdrawal(2), false)).hasStatus(202);

		MvcTestResult dryRun = post(report().revision(4), true);
		MvcTestResult back = post(report().revision(4), false);

		String notice = "Report " + this.reportId + " was withdrawn at revision 2; this revision brings it back";
		assertThat(dryRun).hasStatus(200).bodyJson().extractingPath("$.notice").isEqualTo(notice);
		assertThat(back).hasStatus(202).bodyJson().extractingPath("$.notice").isEqualTo(notice);
		MvcTestResult later = post(report().revision(5), false);
		assertThat(later).as("once back, nothing to say").hasStatus(202);
		assertThat(later).bodyJson().doesNotHavePath("$.notice");
		assertThat(post(report().revision(3), false)).as("back: a lower revision is not refused as withdrawn")
			.hasStatus(202);
	}

	@Test
	void aReportNeverWithdrawnTakesAnyRevisionWithoutNotice() {
		assertThat(post(report().revision(3), false)).hasStatus(202);

		MvcTestResult lower = post(report().revision(2), false);

		assertThat(lower).hasStatus(202);
		assertThat(lower).bodyJson().doesNotHavePath("$.notice");
	}

	private ReportJson report() {
		return ReportJson.illegal2017(this.reportId).count("IMMIGRATION_LAW_VIOLATIONS", 1520);
	}

	private ReportJson withdrawal(int revision) {
		return ReportJson.illegal2017(this.reportId).revision(revision).withdrawn().with("findings", List.of());
	}

	private MvcTestResult post(ReportJson report, boolean dryRun) {
		return this.mvc.post()
			.uri("/api/v1/reports" + (dryRun ? "?dryRun=true" : ""))
			.contentType(MediaType.APPLICATION_JSON)
			.content(report.toJson())
			.exchange();
	}

}
