package org.jointops.aggregator.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.feed.TotalsFeedIntegrationTests.Client;
import org.jointops.aggregator.feed.TotalsFeedIntegrationTests.Event;
import org.jointops.report.ReportRevision;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The live feed across a restart and a reset of the aggregator, on a real broker: after a
 * restart, the first event a new client gets is the latest totals (never the empty
 * version 0 nor an older version replayed from {@code council.totals}); after a reset (a
 * new application id, whose versions start again at 1), clients follow the rebuilt
 * totals.
 */
class FeedAcrossRestartsIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private EmbeddedKafkaNode kafka;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Client> clients = new ArrayList<>();

	private final List<ConfigurableApplicationContext> aggregators = new ArrayList<>();

	@BeforeEach
	void startKafka() {
		this.kafka = EmbeddedKafkaNode.start();
		this.kafka.createTopics(TopicBuilder.name(Topics.findings("KAZ")).partitions(1).replicas(1).build(),
				TopicBuilder.name(Topics.findings("RUS")).partitions(1).replicas(1).build(),
				TopicBuilder.name(Topics.findings("TJK")).partitions(1).replicas(1).build());
	}

	@AfterEach
	void stopAll() {
		this.clients.forEach(Client::close);
		this.aggregators.forEach(ConfigurableApplicationContext::close);
		if (this.kafka != null) {
			this.kafka.close();
		}
	}

	@Test
	void afterARestartTheFirstEventANewClientGetsIsTheLatestTotals() {
		Path state = stateDirectory();
		ConfigurableApplicationContext first = start("jointops-aggregator", state);
		Client watching = connect(first, "ILLEGAL-2017", null);
		this.kafka.publish(illegal2017("KAZ", "KAZ-R1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		this.kafka.publish(illegal2017("RUS", "RUS-R1").setFindings(List.of(count(VIOLATIONS, 20))).build());
		this.kafka
			.publish(illegal2017("KAZ", "KAZ-R1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 15))).build());
		await().atMost(Duration.ofSeconds(60)).until(() -> total(watching.events()).equals("35"));
		Event latest = last(watching.events());
		first.close();

		ConfigurableApplicationContext restarted = start("jointops-aggregator", state);
		// at once, before the feed may have read council.totals
		Client fresh = connect(restarted, "ILLEGAL-2017", null);

		await().atMost(Duration.ofSeconds(60)).until(() -> !fresh.events().isEmpty());
		assertThat(fresh.events().get(0).eventId()).as("the latest totals, not version 0 nor a replayed older one")
			.isEqualTo(latest.eventId());
		assertThat(total(fresh.events().subList(0, 1))).isEqualTo("35");
		assertThat(JsonMapper.builder().build().readTree(readiness(restarted)).at("/components/feed/status").asString())
			.isEqualTo("UP");
	}

	@Test
	void afterAResetClientsFollowTheRebuiltTotalsAlthoughTheirVersionsStartAgain() throws Exception {
		ConfigurableApplicationContext before = start("jointops-aggregator-before-reset", stateDirectory());
		Client dashboard = connect(before, "ILLEGAL-2017", null);
		this.kafka.publish(report("KAZ", "KAZ-X1", 10));
		this.kafka.publish(report("RUS", "RUS-X1", 20));
		this.kafka.publish(report("TJK", "TJK-X1", 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> total(dashboard.events()).equals("31"));
		Event old = last(dashboard.events());
		before.close();
		// the rebuild sees less than the old state had (here: Tajikistan's report is
		// gone),
		// so its totals differ and its versions stay below the old ones
		deleteAllRecords(Topics.findings("TJK"));

		ConfigurableApplicationContext rebuilt = start("jointops-aggregator-rebuilt", stateDirectory());
		Client reconnected = connect(rebuilt, "ILLEGAL-2017", old.eventId());
		Client fresh = connect(rebuilt, "ILLEGAL-2017", null);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> total(reconnected.events()).equals("30") && total(fresh.events()).equals("30"));
		Event rebuiltLatest = last(reconnected.events());
		assertThat(rebuiltLatest.epoch()).as("a later epoch").isGreaterThan(old.epoch());
		assertThat(rebuiltLatest.id()).as("versions start again").isLessThanOrEqualTo(old.id());
		assertThat(rebuiltLatest.data().get("reports").asLong()).isEqualTo(2);
		assertThat(reconnected.events()).extracting((event) -> FeedPosition.parse(event.eventId()))
			.as("only ever forward, in (epoch, version) order")
			.isSorted()
			.doesNotHaveDuplicates()
			.allMatch((position) -> position.isAfter(FeedPosition.parse(old.eventId())));
		assertThat(FeedPosition.parse(fresh.events().get(0).eventId()))
			.as("a new client starts from the latest totals there are when the feed has caught up: the old "
					+ "ones or already rebuilt ones, never the empty version 0")
			.isGreaterThanOrEqualTo(FeedPosition.parse(old.eventId()));
	}

	private static ReportRevision report(String state, String report, long violations) {
		return illegal2017(state, report).setFindings(List.of(count(VIOLATIONS, violations))).build();
	}

	private ConfigurableApplicationContext start(String applicationId, Path stateDirectory) {
		Map<String, String> properties = new LinkedHashMap<>(Credentials.aggregatorProperties());
		properties.putAll(Credentials.aggregatorKafkaProperties());
		properties.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		properties.put("spring.kafka.streams.application-id", applicationId);
		properties.put("spring.kafka.streams.state-dir", stateDirectory.toString());
		properties.put("spring.kafka.streams.properties.commit.interval.ms", "50");
		properties.putAll(EmbeddedKafkaNode.ONE_REPLICA);
		properties.put("jointops.feed.heartbeat", "1s");
		properties.put("server.port", "0");
		properties.put("spring.jmx.enabled", "false");
		properties.put("spring.main.banner-mode", "off");
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = AggregatorApplication.application().run(args);
		this.aggregators.add(context);
		return context;
	}

	private Client connect(ConfigurableApplicationContext aggregator, String operation, String lastEventId) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(url(aggregator, "/api/v1/operations/" + operation + "/totals/stream")))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.SECRETARIAT));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		Client client = new Client(this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
		this.clients.add(client);
		return client;
	}

	private String readiness(ConfigurableApplicationContext aggregator) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(url(aggregator, "/actuator/health/readiness")))
					.header("Authorization", "Bearer " + Credentials.MONITORING_TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}, (body) -> body != null);
	}

	private static String url(ConfigurableApplicationContext aggregator, String path) {
		return "http://localhost:" + aggregator.getEnvironment().getProperty("local.server.port") + path;
	}

	private static Path stateDirectory() {
		return Path.of("target", "kstreams-state", UUID.randomUUID().toString()).toAbsolutePath();
	}

	private static Event last(List<Event> events) {
		return events.get(events.size() - 1);
	}

	private static String total(List<Event> events) {
		if (events.isEmpty()) {
			return "";
		}
		// the empty version 0 has no lines
		JsonNode total = last(events).data().at("/totals/0/total");
		return total.isNumber() ? total.decimalValue().stripTrailingZeros().toPlainString() : "";
	}

	private void deleteAllRecords(String topic) throws Exception {
		TopicPartition partition = new TopicPartition(topic, 0);
		try (Admin admin = this.kafka.admin()) {
			long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
				.partitionResult(partition)
				.get()
				.offset();
			admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end))).all().get();
		}
	}

}
