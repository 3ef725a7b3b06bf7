package org.jointops.producer.publish;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.jointops.producer.StateProducerApplication;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producer whose findings topic has gone (or was never created because the broker came
 * up after the producer) answers 503, creates the topic again with its own settings, and
 * accepts the retry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class FindingsTopicIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void recreatesAMissingFindingsTopicAndAcceptsTheRetry() throws Exception {
		try (Admin admin = this.kafka.admin()) {
			admin.deleteTopics(List.of("findings.kaz")).all().get();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !admin.listTopics().names().get().contains("findings.kaz"));

			String report = ReportJson.illegal2017("KAZ-1").count("IMMIGRATION_LAW_VIOLATIONS", 3).toJson();
			Http.Response first = Http.postJsonAs("INTERIOR", "http://localhost:" + this.port + "/api/v1/reports",
					report);
			assertThat(first.status()).as(first.body()).isEqualTo(503);

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> Http.postJsonAs("INTERIOR", "http://localhost:" + this.port + "/api/v1/reports", report)
					.status() == 202);
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "findings.kaz");
			assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value())
				.as("recreated with the service's own settings, not a broker default")
				.isEqualTo("-1");
		}
	}

}
