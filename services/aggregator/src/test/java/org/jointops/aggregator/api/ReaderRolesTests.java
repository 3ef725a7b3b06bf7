package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.completeness.CompletenessController;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.publication.PublicationsStandIn;
import org.jointops.aggregator.query.DrivenLedgers;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.aggregator.summary.SummaryController;
import org.jointops.register.FigureStatus;
import org.jointops.testsupport.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;

/**
 * Who reads what: the role matrix of {@code docs/secretariat-api.md}, cell by cell, with
 * the test readers of {@link Credentials} (a secretariat, an observer, and Kazakhstan as
 * a state).
 */
@WebMvcTest(
		controllers = { OperationsController.class, ReportsController.class, SummaryController.class,
				CompletenessController.class, CatalogueController.class },
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import({ OperationsApiTests.Config.class, SecurityConfiguration.class, PublicationsStandIn.class })
@ExtendWith(OutputCaptureExtension.class)
class ReaderRolesTests {

	private static final String OP = "/api/v1/operations/ILLEGAL-2017";

	/** Every endpoint with data, unfiltered. */
	private static final List<String> DATA = List.of("/api/v1/operations", "/api/v1/catalogue", OP + "/totals",
			OP + "/reports", OP + "/completeness", OP + "/summary?format=txt");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DrivenLedgers ledgers;

	@Autowired
	SimpleMeterRegistry meters;

	@Autowired
	OperationQueries queries;

	@Autowired
	PublicationsStandIn.Published published;

	@BeforeEach
	void threeStatesTwoAgencies() {
		this.ledgers.clear();
		this.published.clear();
		this.ledgers.record(illegal2017("KAZ", "KAZ-REPORT-1").setSubmittedAt(Instant.parse("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 100)))
			.build());
		this.ledgers.record(illegal2017("KAZ", "KAZ-REPORT-2").setAgency("MIGRATION")
			.setSubmittedAt(Instant.parse("2017-06-03T08:30:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 20)))
			.build());
		this.ledgers.record(illegal2017("RUS", "RUS-REPORT-1").setAgency("MIGRATION")
			.setSubmittedAt(Instant.parse("2017-06-03T09:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 50)))
			.build());
		this.ledgers
			.record(illegal2017Stage2("TJK", "TJK-REPORT-1").setSubmittedAt(Instant.parse("2017-06-03T10:00:00Z"))
				.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 7)))
				.build());
	}

	// --- without credentials

	@Test
	void everyDataEndpointRefusesARequestWithoutATokenAsProblemDetails() {
		double before = failures("missing");
		for (String path : DATA) {
			MvcTestResult result = this.mvc.get().uri(path).exchange();
			assertThat(result).as(path).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(result).as(path).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).as(path)
				.bodyJson()
				.extractingPath("$.type")
				.isEqualTo("urn:jointops:problem:unauthenticated");
			assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer");
		}
		assertThat(failures("missing")).isEqualTo(before + DATA.size());
	}

	@Test
	void wrongAndMalformedTokensAreRefusedCountedAndLoggedWithoutTheSecret(CapturedOutput output) {
		double unknownBefore = failures("unknown");
		double malformedBefore = failures("malformed");

		assertThat(as("Bearer not-a-reader-secret-4711", OP + "/totals")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(as("Basic c2VjcmV0YXJpYXQ6aHVudGVyMg==", OP + "/totals")).hasStatus(HttpStatus.UNAUTHORIZED);
		// an agency's token of the producers is no reader's
		assertThat(as(Credentials.bearer("INTERIOR"), OP + "/totals")).hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(failures("unknown")).isEqualTo(unknownBefore + 2);
		assertThat(failures("malformed")).isEqualTo(malformedBefore + 1);
		assertThat(output).contains("Failed login (unknown credentials)")
			.contains("Failed login (malformed credentials)")
			.doesNotContain("not-a-reader-secret-4711")
			.doesNotContain("c2VjcmV0YXJpYXQ6aHVudGVyMg==")
			.doesNotContain(Credentials.token("INTERIOR"));
	}

	@Test
	void theDashboardPageIsOpenButItsDataIsNot() {
		assertThat(this.mvc.get().uri("/dashboard/index.html").exchange()).isNotIn(HttpStatus.UNAUTHORIZED,
				HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri(OP + "/totals").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	// --- SECRETARIAT: everything

	@Test
	void theSecretariatReadsEverything() {
		for (String path : DATA) {
			assertThat(reader(Credentials.SECRETARIAT, path)).as(path).hasStatusOk();
		}
		assertThat(reader(Credentials.SECRETARIAT, OP + "/totals?agency=MIGRATION")).bodyJson()
			.extractingPath("$.totals[0].byState")
			.isEqualTo(java.util.Map.of("KAZ", 20, "RUS", 50));
		assertThat(reader(Credentials.SECRETARIAT, OP + "/reports")).bodyJson()
			.extractingPath("$.reports[*].reportId")
			.asArray()
			.containsExactlyInAnyOrder("KAZ-REPORT-1", "KAZ-REPORT-2", "RUS-REPORT-1", "TJK-REPORT-1");
		assertThat(reader(Credentials.SECRETARIAT, OP + "/completeness")).bodyJson()
			.extractingPath("$.stages[0].states")
			.asArray()
			.hasSize(6);
	}

	// --- STATE: council totals, and its own state's detail

	@Test
	void aStateReadsTheCouncilTotalsOfEveryStateAndTheirSummary() {
		assertThat(reader(Credentials.STATE_KAZ, OP + "/totals")).bodyJson()
			.extractingPath("$.totals[0].byState")
			.isEqualTo(java.util.Map.of("KAZ", 120, "RUS", 50, "TJK", 7));
		assertThat(reader(Credentials.STATE_KAZ, OP + "/totals?state=RUS&stage=1")).hasStatusOk();
		assertThat(reader(Credentials.STATE_KAZ, OP + "/summary?format=txt")).hasStatusOk();
		assertThat(reader(Credentials.STATE_KAZ, "/api/v1/operations")).hasStatusOk();
		assertThat(reader(Credentials.STATE_KAZ, "/api/v1/catalogue")).hasStatusOk();
	}

	@Test
	void aStateBreaksDownByAgencyOnlyItsOwnState() {
		assertThat(reader(Credentials.STATE_KAZ, OP + "/totals?state=KAZ&agency=MIGRATION")).bodyJson()
			.extractingPath("$.totals[0].byState")
			.isEqualTo(java.util.Map.of("KAZ", 20));
		forbidden(reader(Credentials.STATE_KAZ, OP + "/totals?agency=MIGRATION"));
		forbidden(reader(Credentials.STATE_KAZ, OP + "/totals?state=RUS&agency=MIGRATION"));
		forbidden(reader(Credentials.STATE_KAZ, OP + "/totals?state=KAZ,RUS&agency=MIGRATION"));
	}

	@Test
	void aStateTracesOnlyItsOwnReports() {
		assertThat(reader(Credentials.STATE_KAZ, OP + "/reports")).bodyJson()
			.extractingPath("$.reports[*].reportId")
			.asArray()
			.containsExactlyInAnyOrder("KAZ-REPORT-1", "KAZ-REPORT-2");
		assertThat(reader(Credentials.STATE_KAZ, OP + "/reports?state=KAZ&agency=MIGRATION")).bodyJson()
			.extractingPath("$.reports[*].reportId")
			.asArray()
			.containsExactly("KAZ-REPORT-2");
		forbidden(reader(Credentials.STATE_KAZ, OP + "/reports?state=RUS"));
		forbidden(reader(Credentials.STATE_KAZ, OP + "/reports?state=KAZ,RUS"));
		forbidden(reader(Credentials.STATE_KAZ, OP + "/reports?state=KAZ&state=TJK"));
	}

	@Test
	void aStateSeesOnlyItsOwnStateInCompleteness() throws Exception {
		MvcTestResult result = reader(Credentials.STATE_KAZ, OP + "/completeness");
		assertThat(result).bodyJson().extractingPath("$.stages[*].states[*].state").asArray().containsOnly("KAZ");
		assertThat(result).bodyJson().extractingPath("$.stages[0].expected").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.stages[0].reported").isEqualTo(1);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("RUS").doesNotContain("TJK");
	}

	// --- OBSERVER: council totals and summaries only

	@Test
	void anObserverReadsTheLatestPublicationOnlyAndNothingBeforeTheFirst() {
		MvcTestResult none = reader(Credentials.OBSERVER, OP + "/totals");
		assertThat(none).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(none).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:not-published");
		assertThat(reader(Credentials.OBSERVER, OP + "/summary?format=txt")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(reader(Credentials.OBSERVER, "/api/v1/operations")).bodyJson()
			.extractingPath("$.operations")
			.asArray()
			.isEmpty();

		publishNow();
		this.ledgers.record(illegal2017("RUS", "RUS-REPORT-2").setSubmittedAt(Instant.parse("2017-06-04T09:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 1000)))
			.build());

		assertThat(reader(Credentials.SECRETARIAT, OP + "/totals")).bodyJson()
			.extractingPath("$.totals[0].byState")
			.isEqualTo(java.util.Map.of("KAZ", 120, "RUS", 1050, "TJK", 7));
		MvcTestResult published = reader(Credentials.OBSERVER, OP + "/totals");
		assertThat(published).bodyJson()
			.extractingPath("$.totals[0].byState")
			.as("the published figures, not the live ones")
			.isEqualTo(java.util.Map.of("KAZ", 120, "RUS", 50, "TJK", 7));
		assertThat(published).bodyJson().extractingPath("$.publication.number").isEqualTo(1);
		assertThat(published).bodyJson().extractingPath("$.publication.status").isEqualTo("PRELIMINARY");
		assertThat(reader(Credentials.OBSERVER, OP + "/summary?format=html&lang=ru")).hasStatusOk()
			.bodyText()
			.contains("публикация 1");
		assertThat(reader(Credentials.OBSERVER, "/api/v1/operations")).bodyJson()
			.extractingPath("$.operations[0].reports")
			.isEqualTo(4);
		assertThat(reader(Credentials.OBSERVER, "/api/v1/catalogue")).hasStatusOk();
	}

	@Test
	void anObserverGetsNoFilterAndNoInstantOfThePublishedFigures() {
		publishNow();
		for (String query : List.of("?state=KAZ", "?stage=1", "?category=IMMIGRATION_LAW_VIOLATIONS",
				"?asOf=2017-06-03T09:30:00Z")) {
			forbidden(reader(Credentials.OBSERVER, OP + "/totals" + query));
		}
		forbidden(reader(Credentials.OBSERVER, OP + "/summary?asOf=2017-06-03T09:30:00Z"));
		assertThat(reader(Credentials.STATE_KAZ, OP + "/totals?asOf=2017-06-03T09:30:00Z")).hasStatusOk();
	}

	@Test
	void anObserverGetsNoBreakdownByAgencyNoTraceabilityAndNoCompleteness() {
		forbidden(reader(Credentials.OBSERVER, OP + "/totals?agency=INTERIOR"));
		forbidden(reader(Credentials.OBSERVER, OP + "/totals?state=KAZ&agency=INTERIOR"));
		forbidden(reader(Credentials.OBSERVER, OP + "/reports"));
		forbidden(reader(Credentials.OBSERVER, OP + "/reports?state=KAZ"));
		forbidden(reader(Credentials.OBSERVER, OP + "/completeness"));
		forbidden(reader(Credentials.OBSERVER, "/api/v1/operations/NO-SUCH-OP/reports"));
	}

	@Test
	void noEndpointAnObserverReachesShowsAReportOrAnAgency() throws Exception {
		publishNow();
		List<String> paths = List.of("/api/v1/operations", OP + "/totals", OP + "/totals?state=KAZ",
				OP + "/totals?stage=1", OP + "/totals?category=IMMIGRATION_LAW_VIOLATIONS", OP + "/summary?format=txt",
				OP + "/summary?format=md", OP + "/summary?format=html", OP + "/summary?format=html&lang=ru",
				OP + "/reports", OP + "/completeness");
		for (String path : paths) {
			MvcTestResult result = reader(Credentials.OBSERVER, path);
			String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).as(path)
				.doesNotContain("REPORT-")
				.doesNotContain("reportId")
				.doesNotContain("\"INTERIOR\"")
				.doesNotContain("\"MIGRATION\"")
				.doesNotContain("agenc");
		}
	}

	private void publishNow() {
		this.published.publish(
				Ledgers.councilTotals(this.queries.ledger("ILLEGAL-2017", null), this.queries.catalogue()),
				Instant.parse("2017-06-05T12:00:00Z"), FigureStatus.PRELIMINARY);
	}

	private MvcTestResult reader(String reader, String path) {
		return as("Bearer " + Credentials.readerToken(reader), path);
	}

	private MvcTestResult as(String authorization, String path) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	private static void forbidden(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:forbidden");
	}

	private double failures(String reason) {
		io.micrometer.core.instrument.Counter counter = this.meters.find("jointops.auth.failures")
			.tag("reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
