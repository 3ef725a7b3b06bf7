package org.jointops.producer.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jointops.producer.StateProducerApplication;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.JwtIssuerStandIn;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may write what on a producer, over real HTTP on a real broker: only health (its
 * status; its details need the monitoring token) and the API description answer without a
 * token; an agency sends only its own reports, and a report first sent by one agency
 * cannot be revised or withdrawn by another, also after a restart (the owners are read
 * back from the owners topic). A monitoring system's JWT reaches what the monitoring
 * token does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class ProducerSecurityIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/**
	 * What health shows without the monitoring token: its status, and the names of its
	 * groups (Spring Boot's, as open as their paths); no component, no detail.
	 */
	private static final String STATUS_ONLY = "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}";

	/** Kazakhstan's identity provider, for a monitoring system's JWT. */
	private static final JwtIssuerStandIn IDP = JwtIssuerStandIn.start("https://idp.kaz.test/operations");

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Autowired
	MeterRegistry meters;

	@Test
	void onlyHealthAndTheApiDescriptionAnswerWithoutAToken() throws Exception {
		assertThat(get("/actuator/health", null)).isEqualTo(200);
		assertThat(get("/v3/api-docs", null)).isEqualTo(200);
		for (String path : new String[] { "/actuator/metrics", "/actuator/prometheus", "/api/v1/reports" }) {
			assertThat(get(path, null)).as(path).isEqualTo(401);
		}
		Http.Response post = Http.postJson(url("/api/v1/reports"), report("KAZ-SEC-0", 1).toJson());
		assertThat(post.status()).isEqualTo(401);
		assertThat(post.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(post.json().get("type").asString()).isEqualTo("urn:jointops:problem:unauthenticated");
		Http.Response batch = Http.postJson(url("/api/v1/reports:batch"), "[]");
		assertThat(batch.status()).isEqualTo(401);
	}

	@Test
	void healthShowsItsDetailsToTheMonitoringTokenOnly() {
		// the whole state the test reads: every check UP (the replication check runs
		// once the producer is ready)
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Http.get(url("/actuator/health")).status()).isEqualTo(200));
		assertThat(Http.get(url("/actuator/health")).body()).as("anyone").isEqualTo(STATUS_ONLY);
		assertThat(Http.get(url("/actuator/health/liveness")).body()).as("a probe").isEqualTo("{\"status\":\"UP\"}");
		assertThat(Http.getWith(Credentials.token("INTERIOR"), url("/actuator/health")).body()).as("an agency")
			.isEqualTo(STATUS_ONLY);

		Http.Response monitoring = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"));
		assertThat(monitoring.status()).isEqualTo(200);
		assertThat(monitoring.json().at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
		assertThat(monitoring.json().at("/components/catalogue/status").asString()).isEqualTo("UP");
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("jointops.jwt.issuers.kaz-idp.issuer-uri", IDP::issuer);
		registry.add("jointops.jwt.issuers.kaz-idp.jwk-set-uri", IDP::jwkSetUri);
		registry.add("jointops.jwt.issuers.kaz-idp.states", () -> "KAZ");
	}

	@AfterAll
	static void stopTheIssuer() {
		IDP.close();
	}

	@Test
	void aMonitoringJwtSeesHealthDetailsAndMetricsAndNothingElse() {
		String jwt = IDP.jwt(Map.of("sub", "prometheus", "jointops_role", "MONITORING"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Http.get(url("/actuator/health")).status()).isEqualTo(200));

		Http.Response health = Http.getWith(jwt, url("/actuator/health"));
		assertThat(health.json().at("/components/catalogue/status").asString()).isEqualTo("UP");
		assertThat(Http.getWith(jwt, url("/actuator/prometheus"), "text/plain").status()).isEqualTo(200);
		assertThat(Http.postJsonWith(jwt, url("/api/v1/reports"), report("KAZ-SEC-J", 1).toJson()).status())
			.isEqualTo(403);
	}

	@Test
	void onlyTheMonitoringTokenReachesTheMetrics() throws Exception {
		String monitoring = "Bearer " + Credentials.MONITORING_TOKEN;
		assertThat(get("/actuator/prometheus", monitoring)).isEqualTo(200);
		assertThat(get("/actuator/metrics", monitoring)).isEqualTo(200);
		assertThat(get("/actuator/metrics", Credentials.bearer("INTERIOR"))).isEqualTo(403);
		Http.Response post = Http.postJsonWith(Credentials.MONITORING_TOKEN, url("/api/v1/reports"),
				report("KAZ-SEC-M", 1).toJson());
		assertThat(post.status()).isEqualTo(403);
	}

	@Test
	void refusesAWrongTokenCountsItAndNeverLogsIt(CapturedOutput output) throws Exception {
		double before = failures("unknown");

		assertThat(get("/actuator/metrics", "Bearer not-a-token-of-ours")).isEqualTo(401);
		assertThat(get("/actuator/metrics", "Basic dXNlcjpwYXNz")).isEqualTo(401);

		assertThat(failures("unknown") - before).isEqualTo(1);
		assertThat(output).contains("Failed login (unknown credentials)").doesNotContain("not-a-token-of-ours");
	}

	@Test
	void anAgencySendsOnlyItsOwnReports() {
		Http.Response response = Http.postJsonAs("CUSTOMS", url("/api/v1/reports"), report("KAZ-SEC-1", 1).toJson());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("agency");
		assertThat(response.json().at("/errors/0/reason").asString())
			.isEqualTo("must be CUSTOMS, the agency of your token, found INTERIOR");
	}

	@Test
	void aReportFirstSentByOneAgencyCannotBeRevisedOrWithdrawnByAnotherEvenAfterARestart() {
		assertThat(Http.postJsonAs("INTERIOR", url("/api/v1/reports"), report("KAZ-SEC-2", 1).toJson()).status())
			.isEqualTo(202);

		Http.Response revised = Http.postJsonAs("CUSTOMS", url("/api/v1/reports"),
				report("KAZ-SEC-2", 2).with("agency", "CUSTOMS").toJson());
		Http.Response withdrawn = Http.postJsonAs("CUSTOMS", url("/api/v1/reports:batch"),
				"[" + report("KAZ-SEC-2", 3).with("agency", "CUSTOMS").withdrawn() + "]");

		assertThat(revised.status()).isEqualTo(403);
		assertThat(revised.json().at("/errors/0/field").asString()).isEqualTo("reportId");
		assertThat(revised.json().get("detail").asString())
			.isEqualTo("Report KAZ-SEC-2 was first sent by INTERIOR; only INTERIOR may revise or withdraw it");
		assertThat(withdrawn.json().at("/results/0/status").asInt()).isEqualTo(403);
		assertThat(Http.postJsonAs("INTERIOR", url("/api/v1/reports"), report("KAZ-SEC-2", 2).toJson()).status())
			.isEqualTo(202);

		Map<String, Object> properties = new HashMap<>(Map.of("jointops.state", "KAZ", "server.port", "0",
				"spring.kafka.bootstrap-servers", this.kafka.bootstrapServers(), "spring.jmx.enabled", "false"));
		properties.putAll(Credentials.producerKafkaProperties("KAZ"));
		properties.put("jointops.kafka.replication.replication-factor", "1");
		properties.put("jointops.kafka.replication.min-insync-replicas", "1");
		try (ConfigurableApplicationContext restarted = StateProducerApplication.application()
			.run(properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new))) {
			String other = "http://localhost:" + restarted.getEnvironment().getProperty("local.server.port")
					+ "/api/v1/reports";
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> Http
					.postJsonAs("CUSTOMS", other, report("KAZ-SEC-2", 4).with("agency", "CUSTOMS").toJson())
					.status() == 403);
			assertThat(Http.postJsonAs("INTERIOR", other, report("KAZ-SEC-2", 4).toJson()).status()).isEqualTo(202);
		}
	}

	private double failures(String reason) {
		var counter = this.meters.find("jointops.auth.failures").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static ReportJson report(String reportId, int revision) {
		return ReportJson.illegal2017(reportId).revision(revision).count("IMMIGRATION_LAW_VIOLATIONS", 5);
	}

	private int get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
