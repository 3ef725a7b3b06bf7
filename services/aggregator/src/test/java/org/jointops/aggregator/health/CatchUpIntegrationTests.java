package org.jointops.aggregator.health;

import java.time.Duration;
import java.util.List;

import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.aggregator.topology.StateLayout;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The catch-up gate on a real broker: an aggregator started on findings topics that
 * already hold records (as after an upgrade to a new state layout, or a reset) is not
 * ready, and answers 503 with its progress, until its application has processed all of
 * them; the moment it is ready, its totals are complete.
 */
// started by the test, so that it sees the gate before anything is processed
@AggregatorOnRealBroker(properties = "spring.kafka.streams.auto-startup=false")
@Import(CatchUpIntegrationTests.FindingsWithRecords.class)
class CatchUpIntegrationTests {

	private static final String TOTALS = "/api/v1/operations/ILLEGAL-2017/totals";

	@LocalServerPort
	int port;

	@Autowired
	StreamsBuilderFactoryBean streams;

	@Test
	void answers503WithItsProgressUntilItHasProcessedWhatTheFindingsTopicsHeldAtStart() {
		assertThat(this.streams.getStreamsConfiguration().get("application.id"))
			.isEqualTo(StateLayout.applicationId(KafkaUsers.AGGREGATOR_APPLICATION_ID));
		for (String path : List.of(TOTALS, TOTALS + "?asOf=2017-06-03T00:00:00Z",
				"/api/v1/operations/ILLEGAL-2017/reports", "/api/v1/operations/ILLEGAL-2017/completeness")) {
			Http.Response response = Http.getAs(Credentials.SECRETARIAT, url(path));
			assertThat(response.status()).as(path).isEqualTo(503);
			assertThat(response.header("Retry-After")).isEqualTo("2");
			assertThat(response.json().path("catchingUp").asBoolean()).isTrue();
			assertThat(response.json().path("catchingUpWith").asString()).isEqualTo("the findings topics");
			assertThat(response.json().path("recordsBehind").asLong()).as("every record written before the start")
				.isEqualTo(FindingsWithRecords.RECORDS);
		}
		Http.Response readiness = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health/readiness"));
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.json().at("/components/streams/details/recordsBehind").asLong())
			.isEqualTo(FindingsWithRecords.RECORDS);

		this.streams.start();

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Http.get(url("/actuator/health/readiness")).status() == 200);
		// ready means complete: no waiting for the totals once the gate is open
		JsonNode totals = Http.getAs(Credentials.SECRETARIAT, url(TOTALS)).json();
		assertThat(totals.path("reports").asLong()).isEqualTo(2);
		assertThat(totals.path("version").asLong()).as("three changes: a duplicate changes nothing").isEqualTo(3);
		assertThat(totals.at("/totals/0/total").decimalValue()).isEqualByComparingTo("35");
		assertThat(totals.at("/totals/0/byState/KAZ").decimalValue()).isEqualByComparingTo("15");
		assertThat(totals.at("/totals/0/byState/RUS").decimalValue()).isEqualByComparingTo("20");
		JsonNode health = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health")).json();
		assertThat(health.at("/components/streams/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/streams/details/catchingUp").isMissingNode()).isTrue();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Findings topics that hold records before the aggregator starts.
	 */
	@TestConfiguration
	static class FindingsWithRecords {

		static final long RECORDS = 4;

		@Bean
		EmbeddedKafkaNode.CreatedTopics findingsWithRecords(EmbeddedKafkaNode kafka) {
			EmbeddedKafkaNode.CreatedTopics topics = kafka.createFindingsTopics(2, List.of("KAZ", "RUS"));
			kafka.publish(
					illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 10))).build());
			kafka.publish(
					illegal2017("RUS", "RUS-1").setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 20))).build());
			kafka.publish(illegal2017("KAZ", "KAZ-1").setRevision(2)
				.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 15)))
				.build());
			kafka.publish(
					illegal2017("KAZ", "KAZ-1").setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 999))).build());
			return topics;
		}

	}

}
