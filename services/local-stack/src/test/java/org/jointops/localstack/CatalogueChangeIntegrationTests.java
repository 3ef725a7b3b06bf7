package org.jointops.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jointops.localstack.launch.ServiceLauncher;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalogue change picked up by a running producer: the aggregator and Kazakhstan's
 * producer run as Spring contexts on an in-process broker (SASL and ACLs on, each service
 * as its own Kafka user); a category and an operation added through the aggregator's
 * admin API are accepted by the producer, which refused them before, without a restart,
 * and counted by the aggregator; a retired category is refused in new reports while the
 * totals keep showing it and its reports can still be withdrawn.
 */
class CatalogueChangeIntegrationTests {

	private static final String NEW_CATEGORY = "FORGED_PASSPORTS";

	private static final String ADMIN = "/api/v1/admin/catalogue";

	@TempDir
	static Path data;

	static EmbeddedKafkaNode kafka;

	static ConfigurableApplicationContext producer;

	static ConfigurableApplicationContext aggregator;

	static String producerUrl;

	static String aggregatorUrl;

	@BeforeAll
	static void startServices() {
		kafka = EmbeddedKafkaNode.start();
		int producerPort = FreePorts.next();
		int aggregatorPort = FreePorts.next();
		// the producer first: catalogue.changes does not exist yet, it starts with the
		// bundled catalogue and picks the topic up when the aggregator creates it
		Map<String, String> producerProperties = new HashMap<>(Credentials.producerProperties());
		producerProperties.putAll(Credentials.producerKafkaProperties("KAZ"));
		producer = ServiceLauncher.startProducer("KAZ", producerPort, kafka.bootstrapServers(), data,
				producerProperties);
		Map<String, String> aggregatorProperties = new HashMap<>(Credentials.aggregatorProperties());
		aggregatorProperties.putAll(Credentials.aggregatorKafkaProperties());
		aggregatorProperties.put("spring.kafka.streams.properties.commit.interval.ms", "50");
		aggregator = ServiceLauncher.startAggregator(aggregatorPort, kafka.bootstrapServers(), data,
				aggregatorProperties);
		producerUrl = "http://localhost:" + producerPort;
		aggregatorUrl = "http://localhost:" + aggregatorPort;
	}

	@AfterAll
	static void stopServices() {
		if (producer != null) {
			producer.close();
		}
		if (aggregator != null) {
			aggregator.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void aCatalogueChangeIsPickedUpByARunningProducer() {
		ReportJson first = ReportJson.illegal2017("KAZ-CAT-1")
			.count("IMMIGRATION_LAW_VIOLATIONS", 3)
			.count(NEW_CATEGORY, 7);
		Http.Response before = submit(first);
		assertThat(before.status()).as(before.body()).isEqualTo(400);
		assertThat(before.json().at("/errors/0/field").asString()).isEqualTo("findings[1].category");

		Http.Response added = admin("PUT", "/programmes/ILLEGAL/categories/" + NEW_CATEGORY, """
				{"name": "forged passports seized", "unit": "COUNT"}""");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		long version = added.json().path("version").asLong();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(producerCatalogueVersion()).isGreaterThanOrEqualTo(version));
		Http.Response accepted = submit(first);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(total("ILLEGAL-2017", NEW_CATEGORY)).isEqualTo(7));

		// a new operation
		ReportJson of2018 = ReportJson.illegal2017("KAZ-CAT-2018")
			.with("operation", "ILLEGAL-2018")
			.with("periodStart", "2018-05-21")
			.with("periodEnd", "2018-06-01")
			.count("IMMIGRATION_LAW_VIOLATIONS", 2);
		assertThat(submit(of2018).status()).isEqualTo(400);
		Http.Response operation = admin("PUT", "/operations/ILLEGAL-2018", """
				{"programme": "ILLEGAL", "name": "Illegal 2018", "reportingDays": 10,
				 "stages": [{"stage": 1, "start": "2018-05-21", "end": "2018-06-01"}]}""");
		assertThat(operation.status()).as(operation.body()).isEqualTo(200);
		long operationVersion = operation.json().path("version").asLong();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(producerCatalogueVersion()).isGreaterThanOrEqualTo(operationVersion));
		assertThat(submit(of2018).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(total("ILLEGAL-2018", "IMMIGRATION_LAW_VIOLATIONS")).isEqualTo(2));

		// retired: refused in new reports, still counted and listed, still withdrawable
		Http.Response retired = admin("POST", "/programmes/ILLEGAL/categories/" + NEW_CATEGORY + ":retire", null);
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		long retiredVersion = retired.json().path("version").asLong();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(producerCatalogueVersion()).isGreaterThanOrEqualTo(retiredVersion));
		Http.Response refused = submit(ReportJson.illegal2017("KAZ-CAT-2").count(NEW_CATEGORY, 1));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("findings[0].category");
		assertThat(refused.json().at("/errors/0/reason").asString()).contains("retired");
		assertThat(total("ILLEGAL-2017", NEW_CATEGORY)).as("old reports still counted").isEqualTo(7);
		JsonNode catalogue = Http.getAs(Credentials.OBSERVER, aggregatorUrl + "/api/v1/catalogue").json();
		assertThat(catalogue.toString()).contains(NEW_CATEGORY);

		Http.Response withdrawn = submit(ReportJson.illegal2017("KAZ-CAT-1").revision(2).withdrawn());
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(total("ILLEGAL-2017", NEW_CATEGORY)).isZero());
	}

	private static Http.Response submit(ReportJson report) {
		return Http.postJsonAs("INTERIOR", producerUrl + "/api/v1/reports", report.toJson());
	}

	private static Http.Response admin(String method, String path, String json) {
		return Http.requestWith(Credentials.readerToken(Credentials.SECRETARIAT), method, aggregatorUrl + ADMIN + path,
				json);
	}

	private static long producerCatalogueVersion() {
		return Http.getWith(Credentials.MONITORING_TOKEN, producerUrl + "/actuator/health")
			.json()
			.at("/components/catalogue/details/version")
			.asLong();
	}

	private static long total(String operation, String category) {
		JsonNode totals = Http
			.getAs(Credentials.SECRETARIAT, aggregatorUrl + "/api/v1/operations/" + operation + "/totals")
			.json();
		for (JsonNode line : totals.path("totals")) {
			if (line.path("category").asString().equals(category)) {
				return line.path("total").asLong();
			}
		}
		return 0;
	}

}
