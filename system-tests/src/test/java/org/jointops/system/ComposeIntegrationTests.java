package org.jointops.system;

import java.time.Duration;

import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose set, built and run on Docker: a report posted to a producer reaches the
 * totals, on the Schema Registry wire format. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeIntegrationTests {

	private static final Duration STARTUP = Duration.ofMinutes(15);

	@Container
	static final ComposeContainer compose = new ComposeContainer(ComposeFileTests.COMPOSE_FILE.toFile()).withBuild(true)
		.withExposedService("aggregator", 8080,
				Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(STARTUP))
		.withExposedService("producer-kaz", 8080,
				Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(STARTUP))
		.withExposedService("schema-registry", 8081,
				Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(STARTUP));

	@Test
	void aReportPostedToAProducerReachesTheTotalsThroughTheSchemaRegistry() {
		Http.Response accepted = Http.postJsonAs("INTERIOR", url("producer-kaz", 8080, "/api/v1/reports"),
				ReportJson.illegal2017("KAZ-COMPOSE-0001").count("IMMIGRATION_LAW_VIOLATIONS", 42).toJson());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

		// the totals are in the store before the aggregator writes (and registers) them
		// on
		// council.totals: wait for both
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			JsonNode totals = Http
				.getAs(Credentials.SECRETARIAT, url("aggregator", 8080, "/api/v1/operations/ILLEGAL-2017/totals"))
				.json();
			assertThat(totals.at("/totals/0/byState/KAZ").asInt()).isEqualTo(42);
			assertThat(Http.get(url("schema-registry", 8081, "/subjects")).body()).contains("findings.kaz-value")
				.contains("council.totals-value");
		});
	}

	private static String url(String service, int port, String path) {
		return "http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port) + path;
	}

}
