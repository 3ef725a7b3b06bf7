package org.jointops.aggregator.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * The live feed on a real broker: a client receives one event per change of a sequence of
 * revisions, reconnects with {@code Last-Event-ID}, and only ever sees versions move
 * forward. An observer, who reads published figures only, is refused (403); without a
 * reader's token in the header the feed answers 401.
 */
@AggregatorOnRealBroker(
		properties = { "spring.kafka.streams.properties.commit.interval.ms=50", "jointops.feed.heartbeat=1s" })
@Import(TotalsFeedIntegrationTests.FindingsTopics.class)
class TotalsFeedIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Client> clients = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@AfterEach
	void disconnect() {
		this.clients.forEach(Client::close);
	}

	@Test
	void sendsTheLatestTotalsAsTheyChangeAndAfterAReconnectOnlyNewerVersions() throws Exception {
		Client first = connect(null);
		await().atMost(Duration.ofSeconds(30)).until(() -> !first.events().isEmpty());
		assertThat(first.events().get(0).id()).as("empty totals before any report").isZero();
		assertThat(first.events().get(0).eventId()).isEqualTo("0-0");

		this.kafka.publish(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		this.kafka.publish(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 20))).build());
		this.kafka
			.publish(illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 15))).build());
		this.kafka.publish(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 999))).build());

		await().atMost(Duration.ofSeconds(60)).until(() -> first.lastId() == 3);
		assertThat(first.events()).extracting(Event::id)
			.as("versions only grow; changes within a commit interval come as one")
			.startsWith(0L)
			.endsWith(3L)
			.isSorted()
			.doesNotHaveDuplicates();
		Event latest = first.events().get(first.events().size() - 1);
		assertThat(latest.data().at("/totals/0/total").decimalValue()).isEqualByComparingTo("35");
		assertThat(latest.data().get("reports").asLong()).isEqualTo(2);
		assertThat(latest.data().propertyNames()).containsExactlyInAnyOrder("operation", "name", "version", "reports",
				"updatedAt", "totals", "figures");
		assertThat(first.events().get(first.events().size() - 1).epoch())
			.as("the epoch of this build of the state: when it first applied a change of the operation")
			.isPositive();
		String afterThree = first.events().get(first.events().size() - 1).eventId();
		first.close();

		this.kafka.publish(illegal2017("TJK", "TJK-1").setFindings(List.of(count(VIOLATIONS, 1))).build());
		this.kafka.publish(illegal2017("RUS", "RUS-1").setRevision(2).setWithdrawn(true).build());
		Client second = connect(afterThree);
		this.kafka.publish(illegal2017("ARM", "ARM-1").setFindings(List.of(count(VIOLATIONS, 100))).build());

		await().atMost(Duration.ofSeconds(60)).until(() -> second.lastId() == 6);
		assertThat(second.events()).extracting(Event::id)
			.as("the current state, then only newer versions")
			.allMatch((id) -> id > 3)
			.isSorted()
			.doesNotHaveDuplicates()
			.endsWith(6L);
		assertThat(second.events().get(second.events().size() - 1).data().at("/totals/0/total").decimalValue())
			.isEqualByComparingTo("116");

		Client third = connect(second.events().get(second.events().size() - 1).eventId());
		// the feed has looked at the current totals before its first heartbeat: once one
		// has come by, nothing was sent
		await().atMost(Duration.ofSeconds(30)).until(() -> third.heartbeats() > 0);
		assertThat(third.events()).as("nothing newer than what the client has").isEmpty();
		this.kafka.publish(illegal2017("BLR", "BLR-1").setFindings(List.of(count(VIOLATIONS, 1000))).build());
		await().atMost(Duration.ofSeconds(60)).until(() -> third.lastId() == 7);
		assertThat(third.events()).extracting(Event::id).containsExactly(7L);
	}

	@Test
	void refusesAnObserverWhoReadsPublishedFiguresOnly() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/operations/ILLEGAL-2017/totals/stream")))
				.header("Accept", "text/event-stream")
				.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.OBSERVER))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void answers404ForAnOperationNobodyKnows() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/operations/ILLEGAL-2099/totals/stream")))
				.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.SECRETARIAT))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void theFeedNeedsAReaderTokenInTheHeaderAndNeverInTheUrl() throws Exception {
		String stream = url("/api/v1/operations/ILLEGAL-2017/totals/stream");
		HttpResponse<String> anonymous = this.http.send(
				HttpRequest.newBuilder(URI.create(stream)).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		HttpResponse<String> inTheUrl = this.http.send(HttpRequest
			.newBuilder(URI.create(stream + "?access_token=" + Credentials.readerToken(Credentials.SECRETARIAT)))
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(inTheUrl.statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = this.http.send(HttpRequest.newBuilder(URI.create(stream))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer not-a-token")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	private Client connect(String lastEventId) {
		return connectAs(Credentials.SECRETARIAT, lastEventId);
	}

	private Client connectAs(String reader, String lastEventId) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(url("/api/v1/operations/ILLEGAL-2017/totals/stream")))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + Credentials.readerToken(reader));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		Client client = new Client(this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
		this.clients.add(client);
		return client;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * One event of the stream.
	 *
	 * @param eventId its id, {@code <epoch>-<version>}
	 * @param epoch the totals' epoch
	 * @param id the totals' version
	 * @param data its data
	 */
	record Event(String eventId, long epoch, long id, JsonNode data) {

		static Event of(String eventId, JsonNode data) {
			FeedPosition position = FeedPosition.parse(eventId);
			return new Event(eventId, position.epoch(), position.version(), data);
		}

	}

	/** A test client of the stream, collecting its events as they come. */
	static final class Client {

		private final CompletableFuture<HttpResponse<Stream<String>>> response;

		private final List<Event> events = new CopyOnWriteArrayList<>();

		private final AtomicInteger heartbeats = new AtomicInteger();

		private final Thread reader;

		Client(CompletableFuture<HttpResponse<Stream<String>>> response) {
			this.response = response;
			this.reader = new Thread(this::read, "sse-test-client");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void read() {
			try (Stream<String> lines = this.response.join().body()) {
				String[] id = new String[1];
				StringBuilder data = new StringBuilder();
				lines.forEach((line) -> {
					if (line.startsWith(":")) {
						this.heartbeats.incrementAndGet();
					}
					else if (line.startsWith("id:")) {
						id[0] = line.substring(3).trim();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && id[0] != null) {
						this.events.add(Event.of(id[0], JSON.readTree(data.toString())));
						id[0] = null;
						data.setLength(0);
					}
				});
			}
			catch (RuntimeException ex) {
				// closed by the test
			}
		}

		List<Event> events() {
			return this.events;
		}

		int heartbeats() {
			return this.heartbeats.get();
		}

		long lastId() {
			return this.events.isEmpty() ? -1 : this.events.get(this.events.size() - 1).id();
		}

		void close() {
			this.response.thenAccept((response) -> response.body().close());
			this.reader.interrupt();
		}

	}

	/**
	 * The findings topics exist before Kafka Streams subscribes (as the producers create
	 * them; here the administrator does).
	 */
	@TestConfiguration
	static class FindingsTopics {

		@Bean
		EmbeddedKafkaNode.CreatedTopics findingsTopics(EmbeddedKafkaNode kafka) {
			return kafka.createTopics(TopicBuilder.name(Topics.findings("KAZ")).partitions(2).replicas(1).build(),
					TopicBuilder.name(Topics.findings("RUS")).partitions(1).replicas(1).build(),
					TopicBuilder.name(Topics.findings("TJK")).partitions(1).replicas(1).build(),
					TopicBuilder.name(Topics.findings("ARM")).partitions(1).replicas(1).build(),
					TopicBuilder.name(Topics.findings("BLR")).partitions(1).replicas(1).build());
		}

	}

}
