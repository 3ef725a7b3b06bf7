package org.jointops.aggregator.api;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.approval.RegisterStandIn;
import org.jointops.aggregator.approval.Submissions;
import org.jointops.aggregator.completeness.CompletenessController;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.aggregator.publication.PublicationsStandIn;
import org.jointops.aggregator.query.DrivenLedgers;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.aggregator.summary.SummaryController;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RateKind;
import org.jointops.register.RegisterDocument;
import org.jointops.register.TransitionAction;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.testsupport.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonContent;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;
import static org.jointops.testsupport.Reports.money;

/**
 * The secretariat's read API: its JSON, exact to the unit, and its problems. Every
 * request carries the secretariat's token (a default header); what the other roles see is
 * in {@link ReaderRolesTests}.
 */
@WebMvcTest(controllers = { OperationsController.class, ReportsController.class, SummaryController.class,
		CompletenessController.class }, properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import({ OperationsApiTests.Config.class, OperationsApiTests.AsSecretariat.class, SecurityConfiguration.class,
		PublicationsStandIn.class })
class OperationsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DrivenLedgers ledgers;

	@Autowired
	RegisterStandIn register;

	@BeforeEach
	void startEmpty() {
		this.ledgers.clear();
		this.register.clear();
	}

	@Test
	void answersTotalsAsExactNumbersAtTheScaleOfEachUnit() {
		this.ledgers.record(illegal2017("KAZ", "KAZ-1")
			.setFindings(
					List.of(count("IMMIGRATION_LAW_VIOLATIONS", 52000), money("FINES_IMPOSED", "3000000.00", "USD")))
			.build());
		this.ledgers.record(illegal2017Stage2("RUS", "RUS-1").setSubmittedAt(Instant.parse("2017-10-07T12:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 105999), money("FINES_IMPOSED", "5000000", "USD")))
			.build());

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals").exchange();

		assertThat(result).hasStatusOk();
		assertThat(withoutFigures(result)).isStrictlyEqualTo("""
				{"operation": "ILLEGAL-2017", "name": "Illegal 2017", "version": 2, "reports": 2,
				 "updatedAt": "2017-10-07T12:00:00Z",
				 "totals": [
				   {"category": "IMMIGRATION_LAW_VIOLATIONS", "unit": "COUNT", "total": 157999,
				    "byState": {"KAZ": 52000, "RUS": 105999}, "byStage": {"1": 52000, "2": 105999}},
				   {"category": "FINES_IMPOSED", "unit": "MONEY", "currency": "USD", "total": 8000000.00,
				    "byState": {"KAZ": 3000000.00, "RUS": 5000000.00}, "byStage": {"1": 3000000.00, "2": 5000000.00},
				    "usd": {"total": 8000000.00, "byStage": {"1": 3000000.00, "2": 5000000.00}, "complete": true,
				            "rates": [], "missing": []}}],
				 "usdTotals": [{"category": "FINES_IMPOSED", "total": 8000000.00,
				                "byStage": {"1": 3000000.00, "2": 5000000.00}, "complete": true, "missing": []}]}
				""");
		assertThat(result).bodyText().contains("\"total\":157999,").contains("\"total\":8000000.00,");
	}

	@Test
	void givesMoneyInUsDollarsUnderTheRatesInForceAndNamesTheMissingOnes() {
		this.register.set(RegisterDocument.empty("ILLEGAL-2017")
			.withRate(new ExchangeRate(1, "KZT", new BigDecimal("320.75"), RateKind.PERIOD_AVERAGE,
					"UN operational rate, June 2017", LocalDate.parse("2017-06-01"),
					Instant.parse("2017-06-10T00:00:00Z"), "secretariat")));
		this.ledgers.record(illegal2017("KAZ", "KAZ-1")
			.setFindings(List.of(money("FINES_IMPOSED", "52000000", "KZT"), money("FINES_IMPOSED", "125000.50", "USD")))
			.build());
		this.ledgers.record(illegal2017Stage2("KAZ", "KAZ-2").setSubmittedAt(Instant.parse("2017-10-07T12:00:00Z"))
			.setFindings(List.of(money("FINES_IMPOSED", "3300000", "KZT")))
			.build());

		// stage 1: 52,000,000.00 KZT / 320.75 = 162,120.03; stage 2 has no KZT rate
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"totals": [
							  {"category": "FINES_IMPOSED", "currency": "KZT", "total": 55300000.00,
							   "usd": {"total": null, "byStage": {"1": 162120.03}, "complete": false,
							           "rates": [{"stage": 1, "currency": "KZT", "unitsPerUsd": 320.75, "kind": "PERIOD_AVERAGE",
							                      "source": "UN operational rate, June 2017", "effective": "2017-06-01",
							                      "recordedAt": "2017-06-10T00:00:00Z", "recordedBy": "secretariat"}],
							           "missing": [{"stage": 2, "currency": "KZT"}]}},
							  {"category": "FINES_IMPOSED", "currency": "USD",
							   "usd": {"total": 125000.50, "complete": true, "rates": [], "missing": []}}],
							 "usdTotals": [{"category": "FINES_IMPOSED", "total": null, "byStage": {"1": 287120.53},
							                "complete": false, "missing": [{"stage": 2, "currency": "KZT"}]}]}""");
		// a state's figures in US dollars: filtered totals are converted as they are
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?stage=1")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"usdTotals": [{"category": "FINES_IMPOSED", "total": 287120.53, "byStage": {"1": 287120.53},
					                "complete": true, "missing": []}]}""");
		// as of an instant before the rate was recorded, only US dollars convert
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?asOf=2017-06-09T00:00:00Z")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"usdTotals": [{"category": "FINES_IMPOSED", "total": null, "byStage": {},
					                "complete": false, "missing": [{"stage": 1, "currency": "KZT"}]}]}""");
	}

	@Test
	void filtersTotalsByStateStageAgencyAndCategory() {
		recordThreeReports();

		assertThat(withoutFigures(this.mvc.get()
			.uri("/api/v1/operations/ILLEGAL-2017/totals?state=KAZ,RUS&stage=1&category="
					+ "IMMIGRATION_LAW_VIOLATIONS&agency=INTERIOR")
			.exchange())).isStrictlyEqualTo("""
					{"operation": "ILLEGAL-2017", "name": "Illegal 2017", "version": 4, "reports": 1,
					 "updatedAt": "2017-06-05T10:00:00Z",
					 "totals": [
					   {"category": "IMMIGRATION_LAW_VIOLATIONS", "unit": "COUNT", "total": 120,
					    "byState": {"KAZ": 120}, "byStage": {"1": 120}}]}
					""");
	}

	@Test
	void answersTotalsAsTheyStoodAtAnInstant() {
		recordThreeReports();

		assertThat(withoutFigures(
				this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?asOf=2017-06-04T00:00:00Z").exchange()))
			.isStrictlyEqualTo("""
					{"operation": "ILLEGAL-2017", "name": "Illegal 2017", "version": 3, "reports": 3,
					 "updatedAt": "2017-06-03T10:00:00Z", "asOf": "2017-06-04T00:00:00Z",
					 "totals": [
					   {"category": "IMMIGRATION_LAW_VIOLATIONS", "unit": "COUNT", "total": 157,
					    "byState": {"KAZ": 100, "RUS": 50, "TJK": 7}, "byStage": {"1": 150, "2": 7}}]}
					""");
	}

	@Test
	void listsTheReportsBehindATotalWithTheirStandingRevision() {
		recordThreeReports();

		assertThat(this.mvc.get()
			.uri("/api/v1/operations/ILLEGAL-2017/reports?state=KAZ&category=IMMIGRATION_LAW_VIOLATIONS")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"operation": "ILLEGAL-2017", "name": "Illegal 2017", "count": 1, "reports": [
					  {"state": "KAZ", "reportId": "KAZ-1", "agency": "INTERIOR", "stage": 1,
					   "periodStart": "2017-05-22", "periodEnd": "2017-06-02", "revision": 2, "revisions": 2,
					   "submittedAt": "2017-06-05T10:00:00Z", "version": 4,
					   "findings": [{"category": "IMMIGRATION_LAW_VIOLATIONS", "unit": "COUNT", "quantity": 120}]}]}
					""");
	}

	@Test
	void refusesAFilterWithCodesTheCatalogueDoesNotKnow() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/ILLEGAL-2017/totals?state=XYZ&category=DRUGS_SEIZED&stage=3")
			.exchange();

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "urn:jointops:problem:invalid-query", "status": 400,
				 "errors": [{"field": "state", "reason": "no member state 'XYZ'"},
				            {"field": "category", "reason": "'DRUGS_SEIZED' is not a category of ILLEGAL-2017"},
				            {"field": "stage", "reason": "ILLEGAL-2017 has no stage 3"}]}""");
	}

	@Test
	void anEmptyStageValueFiltersNothing() {
		recordThreeReports();

		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?stage=1,&stage=")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.reports")
			.isEqualTo(2);
		MvcTestResult notANumber = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?stage=one").exchange();
		assertThat(notANumber).hasStatus(400);
		assertThat(notANumber).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "stage", "reason": "must be a stage number, not 'one'"}]}""");
	}

	@Test
	void negotiatesTheSummaryAsPlainTextMarkdownOrHtmlInTheLanguageAskedFor() {
		recordThreeReports();
		String uri = "/api/v1/operations/ILLEGAL-2017/summary";

		assertThat(this.mvc.get().uri(uri)).hasStatusOk()
			.hasContentType("text/plain;charset=UTF-8")
			.bodyText()
			.startsWith("Illegal 2017: results of the operation\n")
			.contains("1. 177 violations of immigration law were revealed.\n");
		assertThat(this.mvc.get().uri(uri + "?lang=ru").accept(MediaType.parseMediaType("text/markdown"))).hasStatusOk()
			.hasContentType("text/markdown;charset=UTF-8")
			.hasHeader("Content-Language", "ru")
			.bodyText()
			.startsWith("# Illegal 2017: итоги операции\n");
		assertThat(this.mvc.get()
			.uri(uri)
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).hasStatusOk()
			.hasContentType("text/html;charset=UTF-8")
			.bodyText()
			.startsWith("<!DOCTYPE html>");
		assertThat(this.mvc.get().uri(uri + "?format=md").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.hasContentType("text/markdown;charset=UTF-8");
		assertThat(this.mvc.get().uri(uri + "?lang=fr")).hasStatus(400);
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2099/summary")).hasStatus(404);
	}

	@Test
	void answersTheSummaryAsAPdfAttachmentByAcceptOrFormat() throws Exception {
		recordThreeReports();
		String uri = "/api/v1/operations/ILLEGAL-2017/summary";

		MvcTestResult pdf = this.mvc.get().uri(uri + "?lang=ru").accept(MediaType.APPLICATION_PDF).exchange();

		assertThat(pdf).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_PDF)
			.hasHeader("Content-Language", "ru")
			.hasHeader("Content-Disposition", "attachment; filename=\"ILLEGAL-2017-summary-ru.pdf\"");
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Illegal 2017: итоги операции");
		}
		assertThat(this.mvc.get().uri(uri + "?format=pdf").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_PDF)
			.hasHeader("Content-Disposition", "attachment; filename=\"ILLEGAL-2017-summary-en.pdf\"");
		assertThat(this.mvc.get().uri(uri).accept(MediaType.ALL)).as("text stays the default")
			.hasContentType("text/plain;charset=UTF-8");
		MvcTestResult refused = this.mvc.get().uri(uri + "?lang=fr").accept(MediaType.APPLICATION_PDF).exchange();
		assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "lang", "reason": "must be en or ru, not 'fr'"}]}""");
		assertThat(this.mvc.get().uri(uri + "?format=docx")).hasStatus(400).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "format", "reason": "must be txt, md, html or pdf, not 'docx'"}]}""");
	}

	@Test
	void answersTheTotalsAsAWorkbookAttachmentByAcceptOrFormatAndJsonByDefault() throws Exception {
		recordThreeReports();
		String uri = "/api/v1/operations/ILLEGAL-2017/totals";
		MediaType xlsx = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		MvcTestResult workbook = this.mvc.get()
			.uri(uri + "?state=KAZ,RUS&asOf=2017-06-04T00:00:00Z")
			.accept(xlsx)
			.exchange();

		assertThat(workbook).hasStatusOk()
			.hasContentType(xlsx)
			.hasHeader("Content-Disposition", "attachment; filename=\"ILLEGAL-2017-totals.xlsx\"");
		try (Workbook opened = new XSSFWorkbook(
				new ByteArrayInputStream(workbook.getResponse().getContentAsByteArray()))) {
			Sheet sheet = opened.getSheet("Totals");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).as("version").isEqualTo(3);
			assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue()).as("as of")
				.isEqualTo(LocalDateTime.parse("2017-06-04T00:00:00"));
			Row violations = sheet.getRow(7);
			assertThat(violations.getCell(0).getStringCellValue()).isEqualTo("IMMIGRATION_LAW_VIOLATIONS");
			assertThat(violations.getCell(4).getNumericCellValue()).as("KAZ and RUS only, before KAZ's correction")
				.isEqualTo(150);
			assertThat(violations.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0");
		}
		assertThat(this.mvc.get().uri(uri + "?format=xlsx").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.hasContentType(xlsx);
		assertThat(this.mvc.get().uri(uri).accept(MediaType.ALL)).as("JSON stays the default")
			.hasContentType(MediaType.APPLICATION_JSON);
		assertThat(this.mvc.get().uri(uri + "?format=JSON").accept(xlsx)).hasContentType(MediaType.APPLICATION_JSON);
		MvcTestResult refused = this.mvc.get().uri(uri + "?state=XYZ").accept(xlsx).exchange();
		assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri(uri + "?format=csv")).hasStatus(400).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "format", "reason": "must be json or xlsx, not 'csv'"}]}""");
	}

	@Test
	void showsWhichStatesReportedOnEachStageAndWhichAreOverdue() {
		recordThreeReports();

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/completeness").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"operation": "ILLEGAL-2017", "at": "2017-07-01T00:00:00Z", "stages": [
				  {"stage": 1, "reportBy": "2017-06-12", "reported": 2, "expected": 6,
				   "overdue": ["ARM", "BLR", "KGZ", "TJK"],
				   "states": [
				     {"state": "ARM", "status": "OVERDUE", "reports": 0, "agencies": []},
				     {"state": "BLR", "status": "OVERDUE"},
				     {"state": "KAZ", "status": "REPORTED", "reports": 1,
				      "firstReportedAt": "2017-06-03T08:00:00Z", "lastReportedAt": "2017-06-05T10:00:00Z",
				      "agencies": [{"agency": "INTERIOR", "reports": 1, "submissions": 2,
				                    "lastReportedAt": "2017-06-05T10:00:00Z"}]},
				     {"state": "KGZ", "status": "OVERDUE"},
				     {"state": "RUS", "status": "REPORTED", "agencies": [{"agency": "MIGRATION"}]},
				     {"state": "TJK", "status": "OVERDUE"}]},
				  {"stage": 2, "reportBy": "2017-10-16", "reported": 1, "overdue": [],
				   "states": [
				     {"state": "ARM", "status": "AWAITED"}, {"state": "BLR", "status": "AWAITED"},
				     {"state": "KAZ", "status": "AWAITED"}, {"state": "KGZ", "status": "AWAITED"},
				     {"state": "RUS", "status": "AWAITED"},
				     {"state": "TJK", "status": "REPORTED", "firstReportedAt": "2017-06-03T10:00:00Z"}]}]}
				""");
	}

	@Test
	void marksTotalsSummaryAndCompletenessFinalOrPreliminaryFromTheRegister() {
		recordThreeReports();
		String[] all = { "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK" };
		RegisterDocument register = Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, all);
		register = Submissions.accepted(register, 2, "KAZ");
		register = Submissions.act(register, 2, "RUS", TransitionAction.SUBMIT, null);
		this.register.set(register);

		MvcTestResult totals = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals").exchange();
		assertThat(totals).bodyJson().isLenientlyEqualTo("""
				{"figures": {"status": "PRELIMINARY", "byStage": {"1": "FINAL", "2": "PRELIMINARY"},
				  "byState": {"ARM": "PRELIMINARY", "BLR": "PRELIMINARY", "KAZ": "FINAL", "KGZ": "PRELIMINARY",
				              "RUS": "PRELIMINARY", "TJK": "PRELIMINARY"}}}""");
		assertThat(totals).bodyJson()
			.extractingPath("$.figures.cases[?(@.stage == 2 && @.state == 'RUS')].submission")
			.asArray()
			.containsExactly("SUBMITTED");
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?asOf=2026-12-02T09:00:30Z")).bodyJson()
			.extractingPath("$.figures.byStage.1")
			.as("before the secretariat accepted all of stage 1")
			.isEqualTo("PRELIMINARY");

		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/summary?format=txt")).bodyText()
			.contains("These figures are preliminary: the secretariat has not yet accepted every member state's "
					+ "figures for every stage.\n")
			.contains("Stage 1: final for every member state.\n"
					+ "Stage 2: final for KAZ; preliminary for ARM, BLR, KGZ, RUS, TJK.\n");

		MvcTestResult completeness = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/completeness").exchange();
		assertThat(completeness).bodyJson()
			.extractingPath("$.stages[1].states[*].submission")
			.asArray()
			.containsExactly("OPEN", "OPEN", "ACCEPTED", "OPEN", "SUBMITTED", "OPEN");
		assertThat(completeness).bodyJson()
			.extractingPath("$.stages[1].states[2]")
			.asMap()
			.containsEntry("status", "AWAITED")
			.containsEntry("submission", "ACCEPTED")
			.containsEntry("figures", "FINAL");

		this.register.set(Submissions.accepted(Submissions.act(register, 2, "RUS", TransitionAction.ACCEPT, null), 2,
				"ARM", "BLR", "KGZ", "TJK"));
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals")).bodyJson()
			.extractingPath("$.figures.status")
			.isEqualTo("FINAL");
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/summary?format=txt&lang=ru")).bodyText()
			.contains("Данные окончательные: секретариат принял данные всех государств-членов по всем этапам.\n");
	}

	@Test
	void refusesAnInstantThatIsNotOne() {
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals?asOf=yesterday")).hasStatus(400);
	}

	/**
	 * A totals answer without its marks ({@code figures}, tested on their own), checked
	 * to be 200.
	 */
	private static JsonContent withoutFigures(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		ObjectNode body = (ObjectNode) JsonMapper.shared().readTree(result.getResponse().getContentAsByteArray());
		assertThat(body.remove("figures")).as("figures").isNotNull();
		return new JsonContent(body.toString());
	}

	private void recordThreeReports() {
		this.ledgers.record(illegal2017("KAZ", "KAZ-1").setSubmittedAt(Instant.parse("2017-06-03T08:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 100)))
			.build());
		this.ledgers.record(illegal2017("RUS", "RUS-1").setAgency("MIGRATION")
			.setSubmittedAt(Instant.parse("2017-06-03T09:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 50)))
			.build());
		this.ledgers.record(illegal2017Stage2("TJK", "TJK-1").setSubmittedAt(Instant.parse("2017-06-03T10:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 7)))
			.build());
		this.ledgers.record(illegal2017("KAZ", "KAZ-1").setRevision(2)
			.setSubmittedAt(Instant.parse("2017-06-05T10:00:00Z"))
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 120)))
			.build());
	}

	@Test
	void answersEmptyTotalsForACatalogueOperationWithoutReports() {
		assertThat(this.mvc.get().uri("/api/v1/operations/ILLEGAL-DEMO/totals")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"operation": "ILLEGAL-DEMO", "version": 0, "reports": 0, "totals": []}""");
	}

	@Test
	void answers404WithProblemDetailsForAnOperationNobodyKnows() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2099/totals").exchange();

		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "urn:jointops:problem:unknown-operation", "title": "Unknown operation", "status": 404,
				 "detail": "No operation 'ILLEGAL-2099': it is not in the catalogue and no report names it"}""");
	}

	@Test
	void listsTheOperationsWithReportsMostRecentlyChangedFirst() {
		this.ledgers
			.record(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 1))).build());
		this.ledgers.record(illegal2017("KAZ", "KAZ-2").setOperation("ILLEGAL-DEMO")
			.setPeriodStart(java.time.LocalDate.parse("2026-05-25"))
			.setPeriodEnd(java.time.LocalDate.parse("2026-06-05"))
			.setSubmittedAt(Instant.parse("2026-06-06T10:00:00Z"))
			.build());

		assertThat(this.mvc.get().uri("/api/v1/operations")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"operations": [
				  {"operation": "ILLEGAL-DEMO", "name": "Illegal, synthetic demonstration data", "reports": 1,
				   "version": 1, "updatedAt": "2026-06-06T10:00:00Z"},
				  {"operation": "ILLEGAL-2017", "name": "Illegal 2017", "reports": 1,
				   "version": 1, "updatedAt": "2017-06-03T08:00:00Z"}]}
				""");
	}

	@Test
	void answers409RatherThanPartialAnswersForInstantsBeforeAPrunedHistory() {
		recordThreeReports();
		this.ledgers.pruneQuietHistories();

		for (String uri : List.of("/api/v1/operations/ILLEGAL-2017/reports?asOf=2017-06-04T00:00:00Z",
				"/api/v1/operations/ILLEGAL-2017/totals?asOf=2017-06-04T00:00:00Z")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).as(uri).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("urn:jointops:problem:history-unavailable");
		}
		for (String uri : List.of("/api/v1/operations/ILLEGAL-2017/totals",
				"/api/v1/operations/ILLEGAL-2017/totals?asOf=2017-06-06T00:00:00Z",
				"/api/v1/operations/ILLEGAL-2017/reports", "/api/v1/operations/ILLEGAL-2017/completeness")) {
			assertThat(this.mvc.get().uri(uri)).as(uri).hasStatusOk();
		}
	}

	@Test
	void answers503WithRetryAfterWhileTheTotalsAreBeingRestored() {
		this.ledgers.makeUnavailable();

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals").exchange();

		assertThat(result).hasStatus(503).hasHeader("Retry-After", "2");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:totals-unavailable");
	}

	@Test
	void answers503WithProgressWhileCatchingUpWithTheFindingsTopics() {
		this.ledgers.record(illegal2017("KAZ", "KAZ-1").build());
		this.ledgers.makeCatchingUp(new CatchUp.Lag("the findings topics", 12345L));

		for (String uri : List.of("/api/v1/operations/ILLEGAL-2017/totals",
				"/api/v1/operations/ILLEGAL-2017/totals?asOf=2017-06-06T00:00:00Z",
				"/api/v1/operations/ILLEGAL-2017/reports", "/api/v1/operations/ILLEGAL-2017/completeness",
				"/api/v1/operations")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();

			assertThat(result).as(uri).hasStatus(503).hasHeader("Retry-After", "2");
			assertThat(result).bodyJson().isLenientlyEqualTo("""
					{"type": "urn:jointops:problem:totals-unavailable", "status": 503, "catchingUp": true,
					 "catchingUpWith": "the findings topics", "recordsBehind": 12345}""");
			assertThat(result).bodyJson()
				.extractingPath("$.detail")
				.asString()
				.contains("catching up with the findings topics")
				.contains("12,345 records behind");
		}
	}

	@TestConfiguration
	static class AsSecretariat {

		@Bean
		MockMvcBuilderCustomizer secretariatToken() {
			return (builder) -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(Credentials.SECRETARIAT)));
		}

	}

	@TestConfiguration
	static class Config {

		@Bean
		CurrentCatalogue catalogue() {
			return CurrentCatalogue.fixed(CatalogueLoader.bundled());
		}

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2017-07-01T00:00:00Z"), ZoneOffset.UTC);
		}

		@Bean
		RegisterStandIn register() {
			return new RegisterStandIn();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean(destroyMethod = "close")
		DrivenLedgers drivenLedgers() {
			return new DrivenLedgers(CatalogueLoader.bundled());
		}

		@Bean
		OperationQueries operationQueries(DrivenLedgers ledgers, CurrentCatalogue catalogue) {
			return new OperationQueries(ledgers, catalogue);
		}

	}

}
