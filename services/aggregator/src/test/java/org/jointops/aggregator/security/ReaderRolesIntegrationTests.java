package org.jointops.aggregator.security;

import java.time.Duration;
import java.util.List;

import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.aggregator.FindingsTopics;
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
 * role reads and is refused, what answers without a token, and that failed logins show in
 * the metrics (which only the secretariat reads).
 */
@AggregatorOnRealBroker(properties = { "spring.kafka.streams.properties.commit.interval.ms=50" })
@Import(FindingsTopics.KazakhstanAndRussia.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderRolesIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final String OP = "/api/v1/operations/ILLEGAL-2017";

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

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
