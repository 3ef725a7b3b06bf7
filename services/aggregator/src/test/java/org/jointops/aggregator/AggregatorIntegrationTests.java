package org.jointops.aggregator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jointops.aggregator.topology.DeadLetterHeaders;
import org.jointops.support.wire.WireFormat;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The aggregator on a real broker: records written to the findings topics come out as
 * exact totals over HTTP and on {@code council.totals}; a poison pill goes to the
 * dead-letter topic.
 */
@AggregatorOnRealBroker(properties = "jointops.kafka.replication.check-interval=1s")
@Import(FindingsTopics.KazakhstanAndRussia.class)
class AggregatorIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void garbageOnAFindingsTopicEndsInTheDeadLetterTopicAndTheTotalsStayRight() throws Exception {
		byte[] garbage = { 0x00, 0x01, (byte) 0xC3, 0x02, 'n', 'o', 't', ' ', 'a', ' ', 'r', 'e', 'p', 'o', 'r', 't' };
		this.kafka.publish(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		this.kafka.send(Topics.findings("KAZ"), "KAZ-666".getBytes(StandardCharsets.UTF_8), garbage);
		this.kafka.publish(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 20))).build());
		this.kafka
			.publish(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 15))).build());
		this.kafka.publish(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 999))).build());

		// wait for the committed output of every record: the third change on
		// council.totals (the API reads the store, which may run ahead of the last
		// commit)
		// and the garbage's dead letter, which may come from another partition, so
		// another
		// task, than the reports
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(committedTotals()).last().extracting(CouncilTotals::getVersion).isEqualTo(3L);
			assertThat(deadLetters()).isNotEmpty();
		});
		JsonNode totals = Http.getAs(Credentials.SECRETARIAT, url("/api/v1/operations/ILLEGAL-2017/totals")).json();
		assertThat(totals.get("reports").asLong()).isEqualTo(2);
		assertThat(totals.at("/totals/0/total").decimalValue()).isEqualByComparingTo("35");
		assertThat(totals.at("/totals/0/byState/KAZ").decimalValue()).isEqualByComparingTo("15");

		assertThat(deadLetters()).singleElement().satisfies((deadLetter) -> {
			assertThat(deadLetter.value()).isEqualTo(garbage);
			assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("KAZ-666");
			assertThat(header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo("UNDECODABLE");
			assertThat(header(deadLetter, DeadLetterHeaders.REASON)).contains("Not Avro single-object encoding");
			assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("findings.kaz");
		});

		List<CouncilTotals> published = committedTotals();
		assertThat(published.get(published.size() - 1).getLines().get(0).getTotal()).isEqualByComparingTo("35");
		assertThat(published).extracting(CouncilTotals::getVersion).as("read committed, versions only grow").isSorted();
	}

	@Test
	void healthIsUpWithKafkaAndStreams() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Http.Response health = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"));
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().at("/components/streams/details/state").asString()).isEqualTo("RUNNING");
			assertThat(health.json().at("/components/kafka/status").asString()).isEqualTo("UP");
		});
	}

	@Test
	void theReplicationOfEveryTopicItUsesIsCheckedInternalTopicsIncluded() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode replication = Http.getWith(Credentials.MONITORING_TOKEN, url("/actuator/health"))
				.json()
				.at("/components/replication");
			assertThat(replication.at("/status").asString()).isEqualTo("UP");
			List<String> topics = new ArrayList<>();
			replication.at("/details/topics").forEach((topic) -> topics.add(topic.asString()));
			assertThat(topics)
				.contains(Topics.COUNCIL_TOTALS, Topics.DEAD_LETTER, Topics.CATALOGUE, Topics.findings("KAZ"),
						Topics.findings("RUS"))
				.anySatisfy(
						(topic) -> assertThat(topic).startsWith("jointops-aggregator-layout-").endsWith("-changelog"))
				.anySatisfy((topic) -> assertThat(topic).startsWith("jointops-aggregator-layout-")
					.endsWith("-repartition"));
			assertThat(replication.at("/details").has("unchecked")).as("the aggregator may read every topic's settings")
				.isFalse();
		});
	}

	private List<CouncilTotals> committedTotals() {
		return TopicReader.readAll(this.kafka.adminClientProperties(), WireFormat.singleObject().councilTotals())
			.stream()
			.map((record) -> record.value())
			.toList();
	}

	private List<ConsumerRecord<byte[], byte[]>> deadLetters() {
		return TopicReader.readAll(this.kafka.adminClientProperties(), Topics.DEAD_LETTER, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
