package org.jointops.aggregator.topology;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jointops.aggregator.AggregatorApplication;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operation of 50,400 cells (600 categories × 6 states × 7 agencies × 2 stages) on a
 * real broker: every record the aggregator writes — council totals, changelogs,
 * repartition topics — stays far below the broker's message size limit, and the totals
 * are exact.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + AggregatorApplication.CONFIG_NAME,
				"spring.kafka.streams.state-dir=target/kstreams-state/${random.uuid}",
				"jointops.catalogue.extra-files=src/test/resources/catalogue/wide.json" })
@WithEmbeddedKafka
@Import(LargeOperationIntegrationTests.FindingsTopics.class)
class LargeOperationIntegrationTests {

	private static final String OPERATION = "WIDE-2026";

	private static final int CATEGORIES = 600;

	/** Kafka's default {@code max.message.bytes} of a topic. */
	private static final int MESSAGE_LIMIT = 1_048_588;

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void keepsEveryRecordFarBelowTheMessageLimitAndTheTotalsExact() throws Exception {
		Map<String, BigDecimal> expected = new TreeMap<>();
		int reports = 0;
		for (MemberState state : CatalogueLoader.bundled().states()) {
			for (String agency : List.of("INTERIOR", "BORDER_GUARD", "CUSTOMS", "STATE_SECURITY", "DRUG_CONTROL",
					"FINANCIAL_INTELLIGENCE", "MIGRATION")) {
				for (int stage = 1; stage <= 2; stage++) {
					// three reports of 200 lines each cover the 600 categories
					for (int part = 0; part < 3; part++) {
						List<Finding> findings = findings(part, stage + reports);
						findings.forEach((finding) -> expected.merge(finding.getCategory(), finding.getQuantity(),
								BigDecimal::add));
						this.kafka.publish(report(state.code(), agency, stage, part, findings));
						reports++;
					}
				}
			}
		}
		int sent = reports;

		await("totals of " + sent + " reports").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode totals = totals();
				assertThat(totals.get("reports").asLong()).isEqualTo(sent);
				assertThat(lines(totals)).isEqualTo(expected);
			});
		assertThat(expected).hasSize(CATEGORIES);

		int largest = 0;
		String largestTopic = null;
		try (Admin admin = this.kafka.admin()) {
			for (String topic : admin.listTopics().names().get()) {
				if (topic.startsWith("__")) {
					continue;
				}
				for (var record : TopicReader.readAll(this.kafka.adminClientProperties(), topic,
						new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
					int size = record.serializedKeySize() + Math.max(0, record.serializedValueSize());
					if (size > largest) {
						largest = size;
						largestTopic = topic;
					}
				}
			}
			String limit = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
				.all()
				.get()
				.values()
				.iterator()
				.next()
				.get("message.max.bytes")
				.value();
			assertThat(Integer.parseInt(limit)).as("the broker's limit").isEqualTo(MESSAGE_LIMIT);
		}
		System.out.printf("Largest record of any topic: %d bytes on %s (limit %d)%n", largest, largestTopic,
				MESSAGE_LIMIT);
		assertThat(largest).as("the largest record of any topic (%s, %d bytes)", largestTopic, largest)
			.isLessThan(MESSAGE_LIMIT / 5);
	}

	private static List<Finding> findings(int part, int seed) {
		List<Finding> findings = new ArrayList<>();
		for (int i = part * 200; i < (part + 1) * 200; i++) {
			long quantity = 1 + (i * 7L + seed) % 97;
			findings.add(new Finding("WIDE_%03d".formatted(i), BigDecimal.valueOf(quantity), "COUNT", null));
		}
		return findings;
	}

	private static ReportRevision report(String state, String agency, int stage, int part, List<Finding> findings) {
		LocalDate start = (stage == 1) ? LocalDate.parse("2026-05-25") : LocalDate.parse("2026-09-21");
		return ReportRevision.newBuilder()
			.setReportId(state + "-" + agency + "-" + stage + "-" + part)
			.setRevision(1)
			.setState(state)
			.setAgency(agency)
			.setOperation(OPERATION)
			.setStage(stage)
			.setPeriodStart(start)
			.setPeriodEnd(start.plusDays(10))
			.setFindings(findings)
			.setWithdrawn(false)
			.setSubmittedAt(Instant.parse("2026-06-06T10:00:00Z"))
			.build();
	}

	private JsonNode totals() throws Exception {
		Http.Response response = Http.getAs(Credentials.SECRETARIAT,
				url("/api/v1/operations/" + OPERATION + "/totals"));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static Map<String, BigDecimal> lines(JsonNode totals) {
		Map<String, BigDecimal> lines = new HashMap<>();
		totals.get("totals")
			.forEach((line) -> lines.put(line.get("category").asString(), line.get("total").decimalValue()));
		return new TreeMap<>(lines);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The findings topics exist before Kafka Streams subscribes. */
	@TestConfiguration
	static class FindingsTopics {

		@Bean
		EmbeddedKafkaNode.CreatedTopics findingsTopics(EmbeddedKafkaNode kafka) {
			return kafka.createTopics(CatalogueLoader.bundled()
				.states()
				.stream()
				.map((state) -> TopicBuilder.name(Topics.findings(state.code())).partitions(2).replicas(1).build())
				.toArray(NewTopic[]::new));
		}

	}

}
