package org.jointops.producer.publish;

import java.time.Duration;

import org.jointops.producer.StateProducerApplication;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state producer whose Kafka cannot be reached: reports are answered 503 (never 202)
 * within the HTTP client's patience, and health is DOWN.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ",
				"spring.kafka.admin.operation-timeout=1s", "jointops.health.kafka-timeout=1s" })
class KafkaUnreachableIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void nobodyListens(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.next());
	}

	@Test
	void answers503WithRetryAfterAndNever202() {
		Http.Response response = Http.postAs("INTERIOR", url("/api/v1/reports"), "application/json",
				ReportJson.illegal2017("KAZ-1").count("IMMIGRATION_LAW_VIOLATIONS", 3).toJson(),
				Duration.ofSeconds(12));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:jointops:problem:kafka-unavailable");
	}

	@Test
	void stillRefusesInvalidReportsWith400() {
		Http.Response response = Http.postJsonAs("INTERIOR", url("/api/v1/reports"),
				ReportJson.illegal2017("KAZ-1").with("agency", "POLICE").toJson());
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void healthIsDown() {
		Http.Response health = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"));
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().at("/components/kafka/status").asString()).isEqualTo("DOWN");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
