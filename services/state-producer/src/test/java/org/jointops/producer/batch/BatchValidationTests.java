package org.jointops.producer.batch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.ingest.IngestMetrics;
import org.jointops.producer.ingest.RecordingPublisher;
import org.jointops.producer.ingest.RegisterFixtures;
import org.jointops.producer.ingest.RegisterStandIn;
import org.jointops.producer.ingest.ReportIntake;
import org.jointops.producer.ingest.StageLocks;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.producer.security.SecurityConfiguration;
import org.jointops.register.TransitionAction;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch endpoint's rules, JSON and CSV: each report its own result, a bad one never
 * blocking the others, a batch that cannot be read refused whole, and the limits.
 */
@WebMvcTest(controllers = BatchController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ",
				"jointops.batch.max-reports=5", "jointops.batch.max-rows=6", "jointops.batch.max-body-size=4KB" })
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, BatchSubmission.class, ReportIntake.class,
		StageLocks.class, IngestMetrics.class, BatchValidationTests.Config.class })
class BatchValidationTests {

	static final String HEADER = "reportId,revision,agency,operation,stage,periodStart,periodEnd,withdrawn,category,quantity,currency\n";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	RegisterStandIn register;

	@Autowired
	ReportOwners owners;

	@BeforeEach
	void startWithNothingPublished() {
		this.owners.markReady();
		this.publisher.reset();
		this.register.reset();
	}

	@Test
	void acceptsTheGoodReportsOfAJsonBatchAndNamesTheFaultsOfTheBadOnes() {
		String body = "[" + ReportJson.illegal2017("KAZ-1").count("IMMIGRATION_LAW_VIOLATIONS", 10) + ","
				+ ReportJson.illegal2017("KAZ-2").count("NO_SUCH_CATEGORY", 1).with("stage", 7) + ","
				+ ReportJson.illegal2017("KAZ-3").count("WANTED_PERSONS_DETAINED", 2) + "]";

		MvcTestResult result = postJson(body);

		assertThat(result).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"dryRun": false, "reports": 3, "accepted": 2, "rejected": 1, "valid": 0, "unavailable": 0,
							 "results": [
							   {"index": 0, "reportId": "KAZ-1", "revision": 1, "outcome": "ACCEPTED", "status": 202,
							    "state": "KAZ", "topic": "findings.kaz", "partition": 0, "offset": 0},
							   {"index": 1, "reportId": "KAZ-2", "outcome": "REJECTED", "status": 400,
							    "errors": [{"field": "stage", "reason": "operation ILLEGAL-2017 has no stage 7; its stages are 1, 2"},
							               {"field": "findings[0].category", "reason": "unknown category 'NO_SUCH_CATEGORY'"}]},
							   {"index": 2, "reportId": "KAZ-3", "outcome": "ACCEPTED", "offset": 1}]}""");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-1", "KAZ-3");
	}

	@Test
	void aRevisionNotHigherThanTheReportsWithdrawalIsRejectedWithThatReasonAndAHigherOneSaysItBringsItBack() {
		String withdrawal = ReportJson.illegal2017("KAZ-BATCH-WITHDRAWN").revision(3).withdrawn().toJson();
		assertThat(postJson("[" + withdrawal + "]")).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		String body = "["
				+ ReportJson.illegal2017("KAZ-BATCH-WITHDRAWN").revision(2).count("IMMIGRATION_LAW_VIOLATIONS", 4) + ","
				+ ReportJson.illegal2017("KAZ-BATCH-WITHDRAWN").revision(4).count("IMMIGRATION_LAW_VIOLATIONS", 5)
				+ "]";

		for (boolean dryRun : List.of(true, false)) {
			MvcTestResult result = this.mvc.post()
				.uri(BatchController.PATH + "?dryRun=" + dryRun)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.exchange();

			assertThat(result).as("dryRun=%s", dryRun)
				.hasStatus(200)
				.bodyJson()
				.isLenientlyEqualTo(
						"""
								{"results": [
								   {"index": 0, "revision": 2, "outcome": "REJECTED", "status": 409,
								    "errors": [{"field": "revision", "reason": "Report KAZ-BATCH-WITHDRAWN of KAZ was withdrawn at revision 3 (accepted at 2017-06-03T08:00:00Z): revision 2 is not higher, so it would not count. To bring the report back, send a revision higher than 3; to report something else, use a new report id"}]},
								   {"index": 1, "revision": 4, "status": %d,
								    "notice": "Report KAZ-BATCH-WITHDRAWN was withdrawn at revision 3; this revision brings it back"}]}"""
							.formatted(dryRun ? 200 : 202));
		}
		assertThat(this.publisher.published()).extracting("revision").containsExactly(3, 4);
	}

	@Test
	void readsEachJsonReportAsStrictlyAsASingleOne() {
		String body = "[" + report("KAZ-1").with("revison", 2) + ", 17, "
				+ "{\"reportId\": \"KAZ-3\", \"reportId\": \"KAZ-3\"}, " + report("KAZ-4").with("stage", "1") + ", "
				+ report("KAZ-5") + "]";

		MvcTestResult result = postJson(body);

		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson()
			.extractingPath("$.results[*].outcome")
			.asArray()
			.containsExactly("REJECTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
		assertThat(result).bodyJson()
			.extractingPath("$.results[*].errors[0].field")
			.asArray()
			.containsExactly("revison", "body", "reportId", "stage");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-5");
	}

	@Test
	void refusesTheSameRevisionTwiceInOneBatch() {
		MvcTestResult result = postJson("[" + report("KAZ-1") + "," + report("KAZ-1") + "]");

		assertThat(result).bodyJson()
			.extractingPath("$.results[1].errors[0].reason")
			.asString()
			.contains("is already report 0 of this batch");
		assertThat(this.publisher.published()).hasSize(1);
	}

	@Test
	void refusesAReportOfAnotherStateWith403AndTakesTheRest() {
		MvcTestResult result = postJson("[" + report("KAZ-1").with("state", "RUS") + "," + report("KAZ-2") + "]");

		assertThat(result).bodyJson().extractingPath("$.results[0].status").isEqualTo(403);
		assertThat(result).bodyJson().extractingPath("$.results[0].errors[0].field").isEqualTo("state");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-2");
	}

	@Test
	void refusesWholeABodyThatIsNotAWellFormedArray() {
		assertRefusedWhole(postJson(report("KAZ-1").toJson()), 400, "body", "a batch is a JSON array of reports");
		assertRefusedWhole(postJson("[" + report("KAZ-1") + ", {\"reportId\": "), 400, "[1].reportId",
				"the body is not well-formed JSON");
		assertRefusedWhole(postJson("[]"), 400, "body", "the batch is empty");
		assertRefusedWhole(postJson("[" + report("KAZ-1") + "] []"), 400, "body", "nothing may follow the array");
	}

	@Test
	void refusesWholeABatchOverItsLimits() {
		String six = "[" + report("KAZ-1") + ",{},{},{},{}," + report("KAZ-6") + "]";
		assertRefusedWhole(postJson(six), 413, "body", "a batch has at most 5 reports");
		String sevenRows = HEADER + row("KAZ-1", "1") + row("KAZ-1", "2") + row("KAZ-1", "3") + row("KAZ-1", "4")
				+ row("KAZ-1", "5") + row("KAZ-1", "6") + row("KAZ-1", "7");
		assertRefusedWhole(postCsv(sevenRows), 413, "line 8", "at most 6 rows after the header");
		String sixReports = HEADER + row("KAZ-1", "1") + row("KAZ-2", "1") + row("KAZ-3", "1") + row("KAZ-4", "1")
				+ row("KAZ-5", "1") + row("KAZ-6", "1");
		assertRefusedWhole(postCsv(sixReports), 413, "line 7", "a batch has at most 5 reports");
		MvcTestResult tooLong = postJson("[" + " ".repeat(5000) + report("KAZ-1") + "]");
		assertThat(tooLong).hasStatus(413);
		assertThat(tooLong).bodyJson().extractingPath("$.title").isEqualTo("Batch too large");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void groupsCsvRowsIntoReportsByReportIdAndRevision() {
		String csv = HEADER + row("KAZ-1", "10") + "KAZ-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,"
				+ "FINES_IMPOSED,\"1,250.50\",USD\r\n" + row("KAZ-2", "3")
				+ "KAZ-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,FINES_IMPOSED,1250.50,USD\n";

		MvcTestResult result = postCsv(csv);

		assertThat(result).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"reports": 2, "accepted": 1, "rejected": 1, "results": [
							  {"index": 0, "lines": [2, 3, 5], "reportId": "KAZ-1", "outcome": "REJECTED", "status": 400,
							   "errors": [{"field": "line 3: quantity",
							               "reason": "expected a number with a point for decimals (e.g. 1250.50), found '1,250.50'"}]},
							  {"index": 1, "lines": [4], "reportId": "KAZ-2", "revision": 1, "outcome": "ACCEPTED"}]}""");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-2");
	}

	@Test
	void acceptsACsvReportOfSeveralRowsWithEveryLineInOrder() {
		String csv = HEADER + row("KAZ-1", "10") + "KAZ-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,"
				+ "FINES_IMPOSED,1250.50,USD\n";

		assertThat(postCsv(csv)).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(this.publisher.published().get(0).getFindings()).extracting("category")
			.containsExactly("IMMIGRATION_LAW_VIOLATIONS", "FINES_IMPOSED");
	}

	@Test
	void namesTheCsvLineOfARuleBrokenInAFindingOrInTheReport() {
		String csv = HEADER + row("KAZ-1", "10")
				+ "KAZ-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,FINES_IMPOSED,100.5,\n"
				+ "KAZ-2,1,INTERIOR,ILLEGAL-2017,1,2017-05-20,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,1,\n";

		MvcTestResult result = postCsv(csv);

		assertThat(result).bodyJson().extractingPath("$.results[0].errors[0].field").isEqualTo("line 3: currency");
		assertThat(result).bodyJson().extractingPath("$.results[1].errors[0].field").isEqualTo("line 4: periodStart");
	}

	@Test
	void refusesACsvReportWhoseRowsDisagreeOnTheReport() {
		String csv = HEADER + row("KAZ-1", "10")
				+ "KAZ-1,1,CUSTOMS,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,WANTED_PERSONS_DETAINED,1,\n";

		assertThat(postCsv(csv)).bodyJson()
			.extractingPath("$.results[0].errors[0]")
			.isEqualTo(java.util.Map.of("field", "line 3: agency", "reason",
					"'CUSTOMS' differs from line 2 ('INTERIOR'); every row of a report (same reportId and revision) must agree"));
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void takesAWithdrawalAsOneRowWithoutAFinding() {
		String csv = "reportId,revision,agency,operation,stage,periodStart,periodEnd,withdrawn,category,quantity\n"
				+ "KAZ-1,2,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,true,,\n";

		assertThat(postCsv(csv)).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(this.publisher.published().get(0).getWithdrawn()).isTrue();
		assertThat(this.publisher.published().get(0).getFindings()).isEmpty();
	}

	@Test
	void refusesARowWithTheWrongNumberOfValuesAndTakesTheOtherReports() {
		String csv = HEADER + "KAZ-1,1,INTERIOR,ILLEGAL-2017,1,2017-05-22\n" + row("KAZ-2", "1");

		MvcTestResult result = postCsv(csv);

		assertThat(result).bodyJson()
			.extractingPath("$.results[0].errors[0]")
			.isEqualTo(java.util.Map.of("field", "line 2", "reason", "expected 11 values as in the header, found 6"));
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-2");
	}

	@Test
	void numbersTheRowsAfterQuotedCommasLineBreaksAndDoubledQuotesByTheLineTheyStartOn() {
		String csv = HEADER + row("KAZ-1", "3")
				+ "\"KAZ-2, the \"\"second\"\",\nover\r\nthree lines\",1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,"
				+ "IMMIGRATION_LAW_VIOLATIONS,1,\n"
				+ "KAZ-3,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,\"FINES_IMPOSED\",\"12.5\",\"\"\n"
				+ row("KAZ-4", "x");

		MvcTestResult result = postCsv(csv);

		assertThat(result).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"reports": 4, "accepted": 1, "rejected": 3, "results": [
							  {"index": 0, "lines": [2], "reportId": "KAZ-1", "outcome": "ACCEPTED"},
							  {"index": 1, "lines": [3], "reportId": "KAZ-2, the \\"second\\",\\nover\\r\\nthree lines", "outcome": "REJECTED",
							   "errors": [{"field": "line 3: reportId"}]},
							  {"index": 2, "lines": [6], "reportId": "KAZ-3", "outcome": "REJECTED",
							   "errors": [{"field": "line 6: currency"}]},
							  {"index": 3, "lines": [7], "reportId": "KAZ-4", "outcome": "REJECTED",
							   "errors": [{"field": "line 7: quantity",
							               "reason": "expected a number with a point for decimals (e.g. 1250.50), found 'x'"}]}]}""");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-1");
	}

	@Test
	void refusesARowWithBadQuotingAndTakesTheOtherReports() {
		String csv = HEADER
				+ "\"KAZ-1\"x,1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,1,\n"
				+ "KAZ-\"2\",1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,1,\n"
				+ row("KAZ-3", "1");

		MvcTestResult result = postCsv(csv);

		assertThat(result).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"reports": 3, "accepted": 1, "rejected": 2, "results": [
							  {"index": 0, "lines": [2], "outcome": "REJECTED", "status": 400,
							   "errors": [{"field": "line 2", "reason": "unexpected text after the closing quote of a value"}]},
							  {"index": 1, "lines": [3], "outcome": "REJECTED", "status": 400,
							   "errors": [{"field": "line 3",
							               "reason": "a quote inside an unquoted value; quote the whole value and double the quote"}]},
							  {"index": 2, "lines": [4], "reportId": "KAZ-3", "outcome": "ACCEPTED"}]}""");
		assertThat(this.publisher.published()).extracting("reportId").containsExactly("KAZ-3");
	}

	@Test
	void refusesWholeACsvBatchThatCannotBeRead() {
		assertRefusedWhole(postCsv("reportId,revison\n"), 400, "line 1 (header)", "unknown column 'revison'");
		assertRefusedWhole(postCsv(HEADER + "\"KAZ-1,1\n"), 400, "line 2", "is not closed");
		assertRefusedWhole(postCsv(""), 400, "line 1 (header)", "the batch is empty");
		MvcTestResult latin1 = this.mvc.post()
			.uri(BatchController.PATH)
			.contentType(MediaType.parseMediaType("text/csv"))
			.content((HEADER + "KAZ-\u00e9").getBytes(StandardCharsets.ISO_8859_1))
			.exchange();
		assertRefusedWhole(latin1, 400, "body", "is not valid UTF-8");
		MvcTestResult declaredLatin1 = this.mvc.post()
			.uri(BatchController.PATH)
			.contentType(MediaType.parseMediaType("text/csv; charset=ISO-8859-1"))
			.content(HEADER.getBytes(StandardCharsets.ISO_8859_1))
			.exchange();
		assertRefusedWhole(declaredLatin1, 415, "Content-Type", "a CSV batch is UTF-8");
	}

	@Test
	void readsCsvWithAByteOrderMarkQuotedValuesAndColumnsInAnyOrder() {
		String csv = "\uFEFFquantity,category,reportId,revision,agency,operation,stage,periodStart,periodEnd\r\n"
				+ "\"7\",IMMIGRATION_LAW_VIOLATIONS,\"KAZ-\"\"1\"\"\",1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02\r\n";

		MvcTestResult result = postCsv(csv);

		assertThat(result).bodyJson().extractingPath("$.results[0].errors[0].field").isEqualTo("line 2: reportId");
		assertThat(result).bodyJson().extractingPath("$.results[0].reportId").isEqualTo("KAZ-\"1\"");
	}

	@Test
	void dryRunChecksEveryReportAndSendsNothing() {
		MvcTestResult result = this.mvc.post()
			.uri(BatchController.PATH + "?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + report("KAZ-1") + "," + report("KAZ-2").with("agency", "POLICE") + "]")
			.exchange();

		assertThat(result).hasStatus(200).bodyJson().isLenientlyEqualTo("""
				{"dryRun": true, "reports": 2, "valid": 1, "accepted": 0, "rejected": 1, "results": [
				  {"index": 0, "outcome": "VALID", "status": 200, "topic": "findings.kaz"},
				  {"index": 1, "outcome": "REJECTED", "status": 400}]}""");
		assertThat(result).bodyJson().doesNotHavePath("$.results[0].offset");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void rejectsEachReportOfALockedStageWithTheLocksReasonAndSendsTheOthers() {
		this.register.set(RegisterFixtures.illegal2017(2, "KAZ", TransitionAction.SUBMIT, TransitionAction.ACCEPT));

		MvcTestResult result = postJson("[" + report("KAZ-1") + "," + stage2(report("KAZ-2")) + "]");

		assertThat(result).hasStatus(200).bodyJson().isLenientlyEqualTo("""
				{"dryRun": false, "reports": 2, "accepted": 1, "rejected": 1, "results": [
				  {"index": 0, "outcome": "ACCEPTED", "status": 202},
				  {"index": 1, "outcome": "REJECTED", "status": 409, "errors": [{"field": "stage"}]}]}""");
		assertThat(result).bodyJson()
			.extractingPath("$.results[1].errors[0].reason")
			.asString()
			.startsWith("Stage 2 of ILLEGAL-2017 for KAZ was accepted by the secretariat");
		assertThat(this.publisher.published()).hasSize(1);

		MvcTestResult dryRun = this.mvc.post()
			.uri(BatchController.PATH + "?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + stage2(report("KAZ-3")) + "]")
			.exchange();
		assertThat(dryRun).bodyJson().isLenientlyEqualTo("""
				{"dryRun": true, "valid": 0, "rejected": 1, "results": [{"outcome": "REJECTED", "status": 409}]}""");
	}

	@Test
	void marksEveryReportUnavailableWithRetryAfterWhenKafkaDoesNotAcknowledge() {
		this.publisher.makeUnavailable();

		MvcTestResult result = postJson("[" + report("KAZ-1") + "," + report("KAZ-2") + "]");

		assertThat(result).hasStatus(200).hasHeader("Retry-After", "5");
		assertThat(result).bodyJson()
			.extractingPath("$.results[*].outcome")
			.asArray()
			.containsExactly("UNAVAILABLE", "UNAVAILABLE");
		assertThat(result).bodyJson()
			.extractingPath("$.results[0].detail")
			.asString()
			.contains("Send it again with the same reportId and revision");
	}

	private static ReportJson stage2(ReportJson report) {
		return report.with("stage", 2).with("periodStart", "2017-09-25").with("periodEnd", "2017-10-06");
	}

	private static ReportJson report(String reportId) {
		return ReportJson.illegal2017(reportId).count("IMMIGRATION_LAW_VIOLATIONS", 1);
	}

	private static String row(String reportId, String quantity) {
		return reportId + ",1,INTERIOR,ILLEGAL-2017,1,2017-05-22,2017-06-02,false,IMMIGRATION_LAW_VIOLATIONS,"
				+ quantity + ",\n";
	}

	private MvcTestResult postJson(String body) {
		return this.mvc.post()
			.uri(BatchController.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult postCsv(String body) {
		return this.mvc.post()
			.uri(BatchController.PATH)
			.contentType(MediaType.parseMediaType("text/csv"))
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private void assertRefusedWhole(MvcTestResult result, int status, String field, String reason) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].reason").asString().contains(reason);
		assertThat(this.publisher.published()).as("nothing of a batch refused whole is sent").isEmpty();
	}

	@TestConfiguration
	@EnableConfigurationProperties(ProducerProperties.class)
	static class Config {

		@Bean
		CurrentCatalogue currentCatalogue() {
			return CurrentCatalogue.fixed(CatalogueLoader.bundled());
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2017-06-03T08:00:00Z"), ZoneOffset.UTC);
		}

		@Bean
		RecordingPublisher recordingPublisher() {
			return new RecordingPublisher();
		}

		@Bean
		RegisterStandIn registerStandIn() {
			return new RegisterStandIn();
		}

		/**
		 * Every request as INTERIOR of KAZ, with its token; tests of refusals for want of
		 * it are elsewhere.
		 */
		@Bean
		MockMvcBuilderCustomizer asInterior() {
			return (builder) -> builder.defaultRequest(
					MockMvcRequestBuilders.post("/").header(HttpHeaders.AUTHORIZATION, Credentials.bearer("INTERIOR")));
		}

	}

}
