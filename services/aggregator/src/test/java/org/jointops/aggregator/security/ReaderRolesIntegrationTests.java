package org.jointops.aggregator.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.aggregator.FindingsTopics;
import org.jointops.aggregator.documents.Poppler;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The readers' roles over real HTTP, against the aggregator on a real broker: what each
 * role reads and is refused, what answers without a token (health: its status only; its
 * details need the monitoring token), and that failed logins show in the metrics (which
 * only the secretariat reads). Also the documents for the council's meeting over real
 * HTTP (on this context, to start no other broker): the summary's PDF, its first page
 * rendered by poppler-utils, and the totals' workbook.
 */
@AggregatorOnRealBroker(properties = { "spring.kafka.streams.properties.commit.interval.ms=50" })
@Import(FindingsTopics.KazakhstanAndRussia.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderRolesIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final String OP = "/api/v1/operations/ILLEGAL-2017";

	/**
	 * What health shows without the monitoring token: its status, and the names of its
	 * groups (Spring Boot's, as open as their paths); no component, no detail.
	 */
	private static final String STATUS_ONLY = "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@BeforeAll
	void reportsOfTwoStates() throws Exception {
		this.kafka.publish(illegal2017("KAZ", "KAZ-R1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		this.kafka.publish(
				illegal2017("KAZ", "KAZ-R2").setAgency("MIGRATION").setFindings(List.of(count(VIOLATIONS, 5))).build());
		this.kafka.publish(illegal2017("RUS", "RUS-R1").setFindings(List.of(count(VIOLATIONS, 20))).build());
		// the whole state the tests read: the totals and the history behind the reports
		// (two stores, written one after the other)
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(Http.getAs(Credentials.SECRETARIAT, url(OP + "/totals")).json().path("reports").asLong())
				.isEqualTo(3);
			assertThat(Http.getAs(Credentials.SECRETARIAT, url(OP + "/reports")).json().path("count").asLong())
				.isEqualTo(3);
		});
	}

	@Test
	void onlyHealthTheApiDescriptionAndTheDashboardPageAnswerWithoutAToken() {
		assertThat(Http.get(url("/actuator/health")).status()).isEqualTo(200);
		Http.Response apiDocs = Http.get(url("/v3/api-docs"));
		assertThat(apiDocs.status()).isEqualTo(200);
		assertThat(apiDocs.json().at("/components/securitySchemes/reader/scheme").asString())
			.as("Swagger UI can send a token")
			.isEqualTo("bearer");
		assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
		assertThat(Http.get(url("/dashboard/index.html")).status()).isEqualTo(200);
		for (String path : List.of("/api/v1/operations", "/api/v1/catalogue", OP + "/totals", OP + "/reports",
				OP + "/summary", OP + "/completeness", "/actuator/metrics", "/actuator/prometheus")) {
			Http.Response response = Http.get(url(path));
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Bearer");
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
		}
	}

	@Test
	void theSecretariatReadsEveryReportAndTheMetricsWithTheFailedLogins() {
		assertThat(Http.getWith("wrong-token-0815", url(OP + "/totals")).status()).isEqualTo(401);
		assertThat(Http.getAs(Credentials.SECRETARIAT, url(OP + "/reports")).json().get("count").asLong()).isEqualTo(3);
		assertThat(Http.getAs(Credentials.SECRETARIAT, url(OP + "/totals?agency=MIGRATION")).status()).isEqualTo(200);
		Http.Response prometheus = Http.getWith(Credentials.readerToken(Credentials.SECRETARIAT),
				url("/actuator/prometheus"), "text/plain");
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jointops_auth_failures_total{").contains("reason=\"unknown\"");
		assertThat(Http.getAs(Credentials.OBSERVER, url("/actuator/prometheus")).status()).isEqualTo(403);
		assertThat(Http.getAs(Credentials.STATE_KAZ, url("/actuator/metrics")).status()).isEqualTo(403);
	}

	@Test
	void healthShowsItsDetailsToTheMonitoringTokenOnly() {
		// the whole state the test reads: every check UP (the replication check runs
		// once the instance is ready)
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Http.get(url("/actuator/health")).status()).isEqualTo(200));
		assertThat(Http.get(url("/actuator/health")).body()).as("anyone").isEqualTo(STATUS_ONLY);
		assertThat(Http.get(url("/actuator/health/readiness")).body()).as("a probe").isEqualTo("{\"status\":\"UP\"}");
		assertThat(Http.getAs(Credentials.SECRETARIAT, url("/actuator/health")).body()).as("a reader")
			.isEqualTo(STATUS_ONLY);

		Http.Response monitoring = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"));
		assertThat(monitoring.status()).isEqualTo(200);
		assertThat(monitoring.json().at("/components/streams/details/state").asString()).isEqualTo("RUNNING");
		assertThat(monitoring.json().at("/components/kafka/status").asString()).isEqualTo("UP");
		assertThat(monitoring.json().at("/components/catalogue/details/version").isMissingNode()).isFalse();
		assertThat(Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health/readiness"))
			.json()
			.at("/components/feed/status")
			.asString()).isEqualTo("UP");
	}

	@Test
	void theMonitoringTokenReachesTheMetricsAndNothingElse() {
		Http.Response prometheus = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/prometheus"),
				"text/plain");
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jointops_catalogue_version");
		assertThat(Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/metrics")).status()).isEqualTo(200);
		for (String path : List.of("/api/v1/operations", "/api/v1/catalogue", OP + "/totals", OP + "/reports")) {
			assertThat(Http.getWith(Credentials.MONITORING_TOKEN, url(path)).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void aStateReadsCouncilTotalsAndOnlyItsOwnReports() {
		assertThat(Http.getAs(Credentials.STATE_KAZ, url(OP + "/totals")).json().at("/totals/0/total").asLong())
			.isEqualTo(35);
		assertThat(Http.getAs(Credentials.STATE_KAZ, url(OP + "/reports")).json().findValuesAsString("reportId"))
			.containsExactlyInAnyOrder("KAZ-R1", "KAZ-R2");
		assertThat(Http.getAs(Credentials.STATE_KAZ, url(OP + "/reports?state=RUS")).status()).isEqualTo(403);
		assertThat(Http.getAs(Credentials.STATE_KAZ, url(OP + "/totals?state=KAZ&agency=MIGRATION"))
			.json()
			.at("/totals/0/total")
			.asLong()).isEqualTo(5);
		assertThat(Http.getAs(Credentials.STATE_KAZ, url(OP + "/totals?agency=MIGRATION")).status()).isEqualTo(403);
	}

	@Test
	void anObserverReadsNoLiveFiguresNoReportAndNoAgency() {
		Http.Response totals = Http.getAs(Credentials.OBSERVER, url(OP + "/totals"));
		assertThat(totals.status()).as("published figures only, and none yet").isEqualTo(404);
		assertThat(totals.json().get("type").asString()).isEqualTo("urn:jointops:problem:not-published");
		Http.Response summary = Http.getWith(Credentials.readerToken(Credentials.OBSERVER), url(OP + "/summary"),
				"text/markdown");
		assertThat(summary.status()).isEqualTo(404);
		assertThat(summary.body()).doesNotContain("KAZ-R").doesNotContain("RUS-R").doesNotContain("35");
		for (String path : List.of(OP + "/reports", OP + "/reports?state=KAZ", OP + "/completeness",
				OP + "/totals?agency=INTERIOR", OP + "/totals?asOf=2030-01-01T00:00:00Z", OP + "/totals/stream")) {
			Http.Response refused = Http.getAs(Credentials.OBSERVER, url(path));
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.json().get("type").asString()).isEqualTo("urn:jointops:problem:forbidden");
			assertThat(refused.body()).doesNotContain("KAZ-R");
		}
	}

	@Test
	void theSecretariatGetsTheSummaryAsPdfInBothLanguagesAndTheTotalsAsAWorkbook() throws Exception {
		Poppler.assumeInstalled();
		String token = Credentials.readerToken(Credentials.SECRETARIAT);
		Path documents = Files.createDirectories(Path.of("target", "documents", "http"));
		for (String lang : List.of("en", "ru")) {
			Http.Document pdf = Http.getDocumentWith(token, url(OP + "/summary?lang=" + lang), "application/pdf");
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
			assertThat(pdf.header("Content-Disposition"))
				.isEqualTo("attachment; filename=\"ILLEGAL-2017-summary-" + lang + ".pdf\"");
			Path file = Files.write(documents.resolve("summary-" + lang + ".pdf"), pdf.body());

			BufferedImage page = ImageIO.read(Poppler.firstPageAsPng(file, 50).toFile());
			assertThat(page.getWidth()).as("A4 at 50 dpi").isBetween(412, 415);
			assertThat(page.getHeight()).as("A4 at 50 dpi").isBetween(583, 586);
			String text = Poppler.firstPageText(file).replaceAll("[\\s\\u00a0]+", " ");
			if (lang.equals("en")) {
				assertThat(text).contains("Illegal 2017: results of the operation")
					.contains("1. 35 violations of immigration law were revealed.")
					.contains("violations of immigration law revealed count – – 15 – 20 – 35")
					.contains("Page 1 of 1");
			}
			else {
				assertThat(text).contains("Illegal 2017: итоги операции")
					.contains("Координационный совет руководителей компетентных органов")
					.contains("1. Выявлено 35 нарушений миграционного законодательства.")
					.contains("выявлено нарушений миграционного законодательства ед. – – 15 – 20 – 35")
					.contains("Стр. 1 из 1");
			}
		}

		Http.Document workbook = Http.getDocumentWith(token, url(OP + "/totals?format=xlsx"), "application/json");
		assertThat(workbook.status()).isEqualTo(200);
		assertThat(workbook.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"ILLEGAL-2017-totals.xlsx\"");
		try (Workbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
			Sheet sheet = opened.getSheet("Totals");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("ILLEGAL-2017");
			assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).as("reports").isEqualTo(3);
			Row violations = sheet.getRow(7);
			assertThat(violations.getCell(1).getStringCellValue()).isEqualTo("violations of immigration law revealed");
			assertThat(List.of(violations.getCell(4), violations.getCell(7), violations.getCell(9)))
				.extracting(Cell::getNumericCellValue)
				.as("total, KAZ, RUS")
				.containsExactly(35.0, 15.0, 20.0);
			assertThat(violations.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
