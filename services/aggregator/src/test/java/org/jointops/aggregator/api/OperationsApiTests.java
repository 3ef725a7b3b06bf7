package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.topology.Ledgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;
import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;
import static org.jointops.testsupport.Reports.money;

/**
 * The secretariat's read API: its JSON, exact to the unit, and its problems.
 */
@WebMvcTest(controllers = OperationsController.class,
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import(OperationsApiTests.Config.class)
class OperationsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryLedgers ledgers;

	@BeforeEach
	void startEmpty() {
		this.ledgers.clear();
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

		assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"operation": "ILLEGAL-2017", "name": "Illegal 2017", "version": 2, "reports": 2,
				 "updatedAt": "2017-10-07T12:00:00Z",
				 "totals": [
				   {"category": "IMMIGRATION_LAW_VIOLATIONS", "unit": "COUNT", "total": 157999,
				    "byState": {"KAZ": 52000, "RUS": 105999}, "byStage": {"1": 52000, "2": 105999}},
				   {"category": "FINES_IMPOSED", "unit": "MONEY", "currency": "USD", "total": 8000000.00,
				    "byState": {"KAZ": 3000000.00, "RUS": 5000000.00}, "byStage": {"1": 3000000.00, "2": 5000000.00}}]}
				""");
		assertThat(result).bodyText().contains("\"total\":157999,").contains("\"total\":8000000.00,");
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
	void answers503WithRetryAfterWhileTheTotalsAreBeingRestored() {
		this.ledgers.makeUnavailable();

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/ILLEGAL-2017/totals").exchange();

		assertThat(result).hasStatus(503).hasHeader("Retry-After", "2");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:jointops:problem:totals-unavailable");
	}

	/**
	 * Ledgers built with the topology's own arithmetic, without Kafka Streams.
	 */
	static class InMemoryLedgers implements LedgerStore {

		private final Map<String, OperationLedger> ledgers = new LinkedHashMap<>();

		private boolean unavailable;

		void record(ReportRevision report) {
			this.ledgers.compute(report.getOperation(),
					(operation, ledger) -> Ledgers.apply(operation,
							new ReportChange(null, report, report.getSubmittedAt()),
							(ledger != null) ? ledger : Ledgers.empty()));
		}

		void makeUnavailable() {
			this.unavailable = true;
		}

		void clear() {
			this.ledgers.clear();
			this.unavailable = false;
		}

		@Override
		public Optional<OperationLedger> ledger(String operation) {
			check();
			return Optional.ofNullable(this.ledgers.get(operation));
		}

		@Override
		public List<OperationLedger> ledgers() {
			check();
			return new ArrayList<>(this.ledgers.values());
		}

		private void check() {
			if (this.unavailable) {
				throw new TotalsUnavailableException("The totals are being restored", null);
			}
		}

	}

	@TestConfiguration
	static class Config {

		@Bean
		Catalogue catalogue() {
			return CatalogueLoader.bundled();
		}

		@Bean
		InMemoryLedgers inMemoryLedgers() {
			return new InMemoryLedgers();
		}

	}

}
