package org.jointops.producer.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.jointops.producer.StateProducerApplication;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.jointops.wire.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A state producer on a real broker, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class ReportPublishingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void acceptedReportIsInKafkaWhenTheAnswerSaysSo() {
		Http.Response response = Http.postJsonAs("INTERIOR", url("/api/v1/reports"),
				ReportJson.illegal2017("KAZ-INTERIOR-2017-0001")
					.count("IMMIGRATION_LAW_VIOLATIONS", 1520)
					.money("FINES_IMPOSED", "125000.50", "USD")
					.toJson());

		assertThat(response.status()).isEqualTo(202);
		JsonNode body = response.json();
		assertThat(body.get("topic").asString()).isEqualTo("findings.kaz");
		ConsumerRecord<String, ReportRevision> record = readAt(
				new TopicPartition("findings.kaz", body.get("partition").asInt()), body.get("offset").asLong());
		assertThat(record.key()).isEqualTo("KAZ-INTERIOR-2017-0001");
		ReportRevision revision = record.value();
		assertThat(revision.getState()).isEqualTo("KAZ");
		assertThat(revision.getRevision()).isEqualTo(1);
		assertThat(revision.getFindings()).hasSize(2);
		assertThat(record.timestamp()).isEqualTo(revision.getSubmittedAt().toEpochMilli());
	}

	@Test
	void createsTheFindingsTopicKeptForEver() throws Exception {
		try (Admin admin = this.kafka.admin()) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "findings.kaz");
			String retention = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
			assertThat(retention).isEqualTo("-1");
		}
	}

	@Test
	void healthIsUpWithTheKafkaCluster() {
		Http.Response health = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/components/kafka/status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
	}

	@Test
	void theReplicationOfTheStatesTopicsIsCheckedAgainstTheConfiguration() {
		// one broker: the tests require one replica (EmbeddedKafkaNode), which the topics
		// have
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode replication = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"))
				.json()
				.at("/components/replication");
			assertThat(replication.at("/status").asString()).isEqualTo("UP");
			assertThat(replication.at("/details/topics").toString()).isEqualTo("[\"findings.kaz\",\"owners.kaz\"]");
			assertThat(replication.at("/details/required").toString())
				.isEqualTo("{\"replicationFactor\":1,\"minInsyncReplicas\":1}");
			assertThat(replication.at("/details").has("unchecked")).as("every topic could be read").isFalse();
		});
	}

	private ConsumerRecord<String, ReportRevision> readAt(TopicPartition partition, long offset) {
		Map<String, Object> config = new HashMap<>(this.kafka.adminClientProperties());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		Topic<String, ReportRevision> findings = WireFormat.singleObject().findings("KAZ");
		try (KafkaConsumer<String, ReportRevision> consumer = new KafkaConsumer<>(config, findings.keyDeserializer(),
				findings.valueDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			var records = consumer.poll(Duration.ofSeconds(10)).records(partition);
			assertThat(records).as("the record at %s@%d", partition, offset).isNotEmpty();
			return records.get(0);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
