package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.producer.security.SecurityConfiguration;
import org.jointops.report.ReportRevision;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each validation rule of the state producer: the status, the field and the reason, and
 * that a refused report reaches nothing.
 */
@WebMvcTest(controllers = ReportController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, ReportIntake.class, StageLocks.class,
		IngestMetrics.class, ReportValidationTests.Config.class })
class ReportValidationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	SimpleMeterRegistry meters;

	@Autowired
	ReportOwners owners;

	@BeforeEach
	void startWithNothingPublished() {
		this.owners.markReady();
		this.publisher.reset();
	}

	@Test
	void countsEachAnswerByOutcome() {
		List<String> outcomes = List.of("accepted", "invalid", "forbidden", "unavailable");
		List<Double> before = outcomes.stream().map(this::answered).toList();

		post(valid());
		post(valid().with("agency", "POLICE"));
		post(valid().with("agency", "POLICE"));
		post(valid().with("state", "RUS"));
		this.publisher.makeUnavailable();
		post(valid());

		List<Double> after = outcomes.stream().map(this::answered).toList();
		assertThat(after.get(0) - before.get(0)).as("accepted").isEqualTo(1);
		assertThat(after.get(1) - before.get(1)).as("invalid").isEqualTo(2);
		assertThat(after.get(2) - before.get(2)).as("forbidden").isEqualTo(1);
		assertThat(after.get(3) - before.get(3)).as("unavailable").isEqualTo(1);
	}

	private double answered(String outcome) {
		return this.meters.get(IngestMetrics.METER).tag("outcome", outcome).counter().count();
	}

	@Test
	void acceptsAValidReportAndPublishesItStampedWithTheStateAndUnits() {
		MvcTestResult result = post(valid());

		assertThat(result).hasStatus(202).bodyJson().isLenientlyEqualTo("""
				{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "state": "KAZ",
				 "topic": "findings.kaz", "partition": 0, "offset": 0}""");
		ReportRevision published = this.publisher.published().get(0);
		assertThat(published.getState()).isEqualTo("KAZ");
		assertThat(published.getFindings()).extracting("category", "quantity", "unit", "currency")
			.containsExactly(tuple("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1520.000"), "COUNT", null),
					tuple("FINES_IMPOSED", new BigDecimal("125000.500"), "MONEY", "USD"));
	}

	@Test
	void dryRunAnswersAsIfSendingAndPublishesNothing() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content(valid().toJson())
			.exchange();

		assertThat(result).hasStatus(200).bodyJson().isLenientlyEqualTo("""
				{"reportId": "KAZ-INTERIOR-2017-0001", "revision": 1, "state": "KAZ", "topic": "findings.kaz",
				 "submittedAt": "2017-06-03T08:00:00Z", "dryRun": true}""");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void dryRunRefusesAnInvalidReportAsASubmissionWould() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports?dryRun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content(valid().with("agency", "POLICE").toJson())
			.exchange();

		assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("agency");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesADryRunThatIsNotTrueOrFalse() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports?dryRun=perhaps")
			.contentType(MediaType.APPLICATION_JSON)
			.content(valid().toJson())
			.exchange();

		assertRefused(result, 400, "dryRun", "expected true or false, found 'perhaps'");
	}

	@Test
	void acceptsItsOwnStateNamedInTheReport() {
		assertThat(post(valid().with("state", "KAZ"))).hasStatus(202);
	}

	@Test
	void acceptsAWithdrawalWithoutFindings() {
		assertThat(post(ReportJson.illegal2017("KAZ-1").revision(2).withdrawn())).hasStatus(202);
		assertThat(this.publisher.published().get(0).getWithdrawn()).isTrue();
	}

	@Test
	void refusesAReportOfAnotherStateWith403() {
		MvcTestResult result = post(valid().with("state", "RUS"));
		assertRefused(result, 403, "state", "must be KAZ on this service, found RUS");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("reports of RUS go to");
	}

	@Test
	void refusesAnUnknownAgency() {
		assertRefused(post(valid().with("agency", "POLICE")), 400, "agency", "unknown agency 'POLICE'; expected one of "
				+ "INTERIOR, BORDER_GUARD, CUSTOMS, STATE_SECURITY, DRUG_CONTROL, FINANCIAL_INTELLIGENCE, MIGRATION");
	}

	@Test
	void refusesAnUnknownOperation() {
		assertRefused(post(valid().with("operation", "ILLEGAL-2099")), 400, "operation",
				"unknown operation 'ILLEGAL-2099'");
	}

	@Test
	void refusesAStageTheOperationDoesNotHave() {
		assertRefused(post(valid().with("stage", 3)), 400, "stage",
				"operation ILLEGAL-2017 has no stage 3; its stages are 1, 2");
	}

	@Test
	void refusesAnUnknownCategory() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").count("SMUGGLED_PARROTS", 2)), 400, "findings[0].category",
				"unknown category 'SMUGGLED_PARROTS'");
	}

	@Test
	void refusesACategoryOfAnotherProgramme() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").finding("DRUGS_SEIZED", new BigDecimal("1.5"), null)), 400,
				"findings[0].category", "DRUGS_SEIZED is not a category of ILLEGAL-2017 (programme ILLEGAL)");
	}

	@Test
	void refusesAPeriodStartingBeforeTheStage() {
		assertRefused(post(valid().with("periodStart", "2017-05-21")), 400, "periodStart",
				"2017-05-21 is outside stage 1 of ILLEGAL-2017 (2017-05-22 to 2017-06-02)");
	}

	@Test
	void refusesAPeriodEndingAfterTheStage() {
		assertRefused(post(valid().with("periodEnd", "2017-09-30")), 400, "periodEnd",
				"2017-09-30 is outside stage 1 of ILLEGAL-2017 (2017-05-22 to 2017-06-02)");
	}

	@Test
	void refusesAPeriodEndingBeforeItStarts() {
		assertRefused(post(valid().with("periodStart", "2017-05-30").with("periodEnd", "2017-05-25")), 400, "periodEnd",
				"must not be before periodStart (2017-05-30)");
	}

	@Test
	void refusesANegativeCount() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").count("IMMIGRATION_LAW_VIOLATIONS", -1)), 400,
				"findings[0].quantity", "must not be negative, found -1");
	}

	@Test
	void refusesAFractionalCount() {
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1520.5"), null)),
				400, "findings[0].quantity", "a count must be a whole number, found 1520.5");
	}

	@Test
	void acceptsAWholeCountWrittenWithZeroDecimals() {
		assertThat(post(
				ReportJson.illegal2017("KAZ-1").finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1520.00"), null)))
			.hasStatus(202);
	}

	@Test
	void refusesAnImplausiblyLargeQuantity() {
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1e15"), null)),
				400, "findings[0].quantity", "is implausibly large (more than 999999999999); check the figure");
	}

	@Test
	void refusesAnAbsurdExponentWithoutExpandingIt() {
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1e999999999"), null)),
				400, "findings[0].quantity", "is implausibly large (more than 999999999999); check the figure");
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("-1e999999999"), null)),
				400, "findings[0].quantity", "must not be negative, found -1E+999999999");
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1e-999999999"), null)),
				400, "findings[0].quantity", "a count must be a whole number, found 1E-999999999");
	}

	@Test
	void quotesAnUnknownCodeShortenedAndWithoutControlCharacters() {
		assertRefused(post(valid().with("agency", "POLICE\u0000" + "X".repeat(10_000))), 400, "agency",
				"unknown agency 'POLICE?" + "X".repeat(53) + "…'; expected one of INTERIOR, BORDER_GUARD, CUSTOMS, "
						+ "STATE_SECURITY, DRUG_CONTROL, FINANCIAL_INTELLIGENCE, MIGRATION");
	}

	@Test
	void refusesMoneyWithoutACurrency() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").finding("FINES_IMPOSED", new BigDecimal("100"), null)), 400,
				"findings[0].currency", "a money amount needs a currency (ISO 4217 code, e.g. USD)");
	}

	@Test
	void refusesMoneyWithMoreThanTwoDecimals() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").money("FINES_IMPOSED", "100.125", "USD")), 400,
				"findings[0].quantity", "money has at most 2 decimals, found 100.125");
	}

	@Test
	void refusesAnUnknownCurrency() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").money("FINES_IMPOSED", "100", "usd")), 400,
				"findings[0].currency", "'usd' is not an ISO 4217 currency code (e.g. USD, KZT, RUB)");
	}

	@Test
	void refusesACurrencyOnACount() {
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1").finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("3"), "USD")),
				400, "findings[0].currency",
				"IMMIGRATION_LAW_VIOLATIONS is counted in COUNT; only money amounts have a currency");
	}

	@Test
	void refusesAnOfWhichLineAboveItsParent() {
		assertRefused(post(
				ReportJson.illegal2017("KAZ-1").count("CASES_OTHER_CRIMES", 10).count("CASES_DRUG_TRAFFICKING", 12)),
				400, "findings[1].quantity",
				"CASES_DRUG_TRAFFICKING (12) is part of CASES_OTHER_CRIMES and cannot exceed it (10)");
	}

	@Test
	void refusesAnOfWhichLineWithoutItsParent() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").count("CASES_ARMS_TRAFFICKING", 2)), 400,
				"findings[0].category",
				"CASES_ARMS_TRAFFICKING is an 'of which' line of CASES_OTHER_CRIMES; the report must give "
						+ "CASES_OTHER_CRIMES as well");
	}

	@Test
	void refusesTheSameCategoryTwice() {
		assertRefused(
				post(ReportJson.illegal2017("KAZ-1")
					.count("IMMIGRATION_LAW_VIOLATIONS", 1)
					.count("IMMIGRATION_LAW_VIOLATIONS", 2)),
				400, "findings[1].category",
				"IMMIGRATION_LAW_VIOLATIONS already appears at findings[0]; send one line per category");
	}

	@Test
	void acceptsOneMoneyLinePerCurrency() {
		assertThat(post(ReportJson.illegal2017("KAZ-1")
			.money("FINES_IMPOSED", "100", "USD")
			.money("FINES_IMPOSED", "45000", "KZT"))).hasStatus(202);
	}

	@Test
	void refusesARevisionBelowOne() {
		assertRefused(post(valid().revision(0)), 400, "revision", "must be 1 or more, found 0");
	}

	@Test
	void refusesAMalformedReportId() {
		assertRefused(post(valid().with("reportId", "KAZ 0001/../x")), 400, "reportId",
				"must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
	}

	@Test
	void namesEveryMissingRequiredField() {
		MvcTestResult result = post(ReportJson.illegal2017("KAZ-1").without("revision").without("operation"));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "operation", "reason": "is required"},
				            {"field": "revision", "reason": "is required"}]}""");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void namesAMissingQuantity() {
		assertRefused(post(ReportJson.illegal2017("KAZ-1").finding("IMMIGRATION_LAW_VIOLATIONS", null, null)), 400,
				"findings[0].quantity", "is required");
	}

	@Test
	void refusesAnUnknownField() {
		MvcTestResult result = post(valid().with("withdrawm", true));
		assertRefused(result, 400, "withdrawm", "unknown field; the fields of a report are reportId, revision, state, "
				+ "agency, operation, stage, periodStart, periodEnd, withdrawn, findings (category, quantity, currency)");
	}

	@Test
	void refusesANumberInQuotes() {
		MvcTestResult result = post(valid().with("revision", "2"));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("revision");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].reason")
			.asString()
			.startsWith("expected a whole number");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesAFieldGivenTwice() {
		MvcTestResult result = postRaw(valid().toJson().replace("\"revision\":1,", "\"revision\":1,\"revision\":2,"));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("revision");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].reason")
			.asString()
			.contains("Duplicate Object property \"revision\"");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesADateTimeWhereADateIsExpected() {
		MvcTestResult result = post(valid().with("periodStart", "2017-05-22T10:00"));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("periodStart");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void namesAnIntegerOutOfRange() {
		MvcTestResult result = postRaw(valid().toJson().replace("\"stage\":1", "\"stage\":99999999999"));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "stage", "reason": "the number is out of range for a whole number"}]}""");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesDeeplyNestedJson() {
		MvcTestResult result = postRaw("{\"findings\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("findings");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesABodyOverTheSizeLimitWith413() {
		MvcTestResult result = postRaw(valid().with("reportId", "K".repeat(300_000)).toJson());
		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "urn:jointops:problem:too-large", "status": 413,
				 "detail": "The body is longer than 262144 bytes; a report has at most 200 finding lines"}""");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void showsAForeignStateShortened() {
		MvcTestResult result = post(valid().with("state", "RUS\n" + "R".repeat(500)));
		assertThat(result).hasStatus(403);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].reason")
			.isEqualTo("must be KAZ on this service, found RUS?" + "R".repeat(56) + "…");
	}

	@Test
	void refusesAFractionForTheRevision() {
		MvcTestResult result = post(valid().with("revision", 1.5));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("revision");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesADateThatIsNotADate() {
		assertRefused(post(valid().with("periodStart", "2017-02-30")), 400, "periodStart",
				"expected a date as YYYY-MM-DD, found '2017-02-30'");
	}

	@Test
	void refusesMalformedJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reportId\": \"KAZ-1\",")
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].reason")
			.asString()
			.startsWith("the body is not well-formed JSON at line 1");
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void refusesAnotherContentTypeWith415() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.TEXT_PLAIN)
			.content(valid().toJson())
			.exchange();
		assertThat(result).hasStatus(415);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
		this.publisher.makeUnavailable();
		MvcTestResult result = post(valid());
		assertThat(result).hasStatus(503).hasHeader("Retry-After", "5");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("retry with the same reportId and revision");
	}

	@Test
	void listsEveryViolationOfOneReport() {
		MvcTestResult result = post(valid().with("agency", "POLICE").with("stage", 7));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("agency", "stage");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("2 problems: agency: ");
	}

	private static ReportJson valid() {
		return ReportJson.illegal2017("KAZ-INTERIOR-2017-0001")
			.count("IMMIGRATION_LAW_VIOLATIONS", 1520)
			.money("FINES_IMPOSED", "125000.50", "USD");
	}

	private MvcTestResult postRaw(String body) {
		return this.mvc.post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult post(ReportJson report) {
		return this.mvc.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content(report.toJson())
			.exchange();
	}

	private void assertRefused(MvcTestResult result, int status, String field, String reason) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo(reason);
		assertThat(this.publisher.published()).as("a refused report is never published").isEmpty();
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
