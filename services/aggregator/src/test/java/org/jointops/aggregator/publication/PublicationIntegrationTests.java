package org.jointops.aggregator.publication;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.aggregator.FindingsTopics;
import org.jointops.aggregator.feed.CommittedTotals;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;

/**
 * Publication over real HTTP on a real broker, and the observer's side of it: between two
 * publications, nothing an observer can read moves when reports come in one at a time, so
 * no single report's figures can be learnt from it; the next publication shows the sum of
 * every report, computed here from the reports sent.
 */
@AggregatorOnRealBroker(
		properties = { "spring.kafka.streams.properties.commit.interval.ms=50", "jointops.feed.heartbeat=1s" })
@Import(FindingsTopics.KazakhstanAndRussia.class)
class PublicationIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final String OPERATION = "ILLEGAL-2017";

	private static final String OP = "/api/v1/operations/" + OPERATION;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What an observer may read: every one must answer the same between publications. */
	private static final List<String> OBSERVER_READS = List.of("/api/v1/operations", OP + "/totals",
			OP + "/summary?format=txt", OP + "/summary?format=md", OP + "/summary?format=html",
			OP + "/summary?format=txt&lang=ru", OP + "/summary?format=html&lang=ru", OP + "/publications",
			OP + "/publications/1", OP + "/publications/1/summary?format=txt",
			OP + "/publications/1/summary?format=md&lang=ru", OP + "/publications/1/summary?format=html");

	/** Live figures and detail: every one refused to an observer. */
	private static final List<String> OBSERVER_REFUSED = List.of(OP + "/totals?asOf=2030-01-01T00:00:00Z",
			OP + "/totals?agency=INTERIOR", OP + "/totals?state=KAZ", OP + "/totals?stage=1",
			OP + "/totals?category=" + VIOLATIONS, OP + "/summary?asOf=2030-01-01T00:00:00Z", OP + "/reports",
			OP + "/completeness");

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<FeedClient> clients = new ArrayList<>();

	/** The reports sent, by report id: the oracle of the totals. */
	private final Map<String, ReportRevision> sent = new LinkedHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Autowired
	CommittedTotals committed;

	@AfterEach
	void disconnect() {
		this.clients.forEach(FeedClient::close);
	}

	@Test
	void anObserverSeesPublicationsOnlyAndNothingMovesBetweenThem() throws Exception {
		assertThat(Http.getAs(Credentials.OBSERVER, url(OP + "/totals")).json().get("type").asString())
			.isEqualTo("urn:jointops:problem:not-published");
		FeedClient follower = feed(null);

		send(illegal2017("KAZ", "KAZ-1").setFindings(List.of(count(VIOLATIONS, 10))).build());
		send(illegal2017("RUS", "RUS-1").setFindings(List.of(count(VIOLATIONS, 20))).build());
		Http.Response first = publish();
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Location")).isEqualTo(OP + "/publications/1");
		assertThat(first.json().get("number").asInt()).isEqualTo(1);
		assertThat(first.json().get("status").asString()).isEqualTo("PRELIMINARY");
		assertThat(publish().status()).as("nothing new since publication 1").isEqualTo(409);

		Map<String, String> seen = observerView();
		assertPublished(seen.get(OP + "/totals"), 1);
		List<Event> feedOne = feed(null).awaitIdle();
		assertThat(feedOne).extracting(Event::number).containsExactly(1);
		for (ReportRevision report : List.of(
				illegal2017("KAZ", "KAZ-2").setAgency("MIGRATION").setFindings(List.of(count(VIOLATIONS, 7))).build(),
				illegal2017Stage2("RUS", "RUS-2").setFindings(List.of(count(VIOLATIONS, 300))).build(),
				illegal2017("KAZ", "KAZ-1").setRevision(2).setFindings(List.of(count(VIOLATIONS, 11))).build())) {
			send(report);
			assertThat(observerView()).as("after " + report.getReportId() + " revision " + report.getRevision())
				.isEqualTo(seen);
			assertThat(feed(null).awaitIdle()).as("the feed of publications").isEqualTo(feedOne);
		}

		Http.Response second = publish();
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("number").asInt()).isEqualTo(2);
		JsonNode totals = Http.getAs(Credentials.OBSERVER, url(OP + "/totals")).json();
		assertPublished(JSON.writeValueAsString(totals), 2);
		assertThat(totals.get("reports").asLong()).isEqualTo(this.sent.size());
		JsonNode line = totals.at("/totals/0");
		assertThat(line.get("category").asString()).isEqualTo(VIOLATIONS);
		assertThat(line.get("total").decimalValue()).isEqualByComparingTo(expectedTotal());
		assertThat(decimals(line.get("byState"))).isEqualTo(expectedBy((report) -> report.getState()));
		assertThat(decimals(line.get("byStage"))).isEqualTo(expectedBy((report) -> String.valueOf(report.getStage())));
		assertThat(Http.getAs(Credentials.OBSERVER, url(OP + "/publications/1")).body())
			.as("publication 1 never changes")
			.isEqualTo(seen.get(OP + "/publications/1"));
		assertThat(Http.getAs(Credentials.OBSERVER, url(OP + "/publications")).json().findValuesAsString("number"))
			.hasSize(2);
		await().atMost(Duration.ofSeconds(20)).until(() -> follower.events().size() == 2);
		assertThat(follower.events()).extracting(Event::number).containsExactly(1, 2);
		assertThat(follower.events()).extracting(Event::id).isSorted().doesNotHaveDuplicates();
		assertThat(feed(follower.events().get(0).id()).awaitIdle()).as("after Last-Event-ID: only the later")
			.extracting(Event::number)
			.containsExactly(2);
	}

	private void send(ReportRevision report) throws Exception {
		this.sent.put(report.getReportId(), report);
		this.kafka.publish(report);
		long reports = this.sent.size();
		long sum = expectedTotal().longValue();
		// the whole live state the secretariat reads, and committed on council.totals
		// (what
		// a publication takes)
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode live = Http.getAs(Credentials.SECRETARIAT, url(OP + "/totals")).json();
			assertThat(live.path("reports").asLong()).as(live.toString()).isEqualTo(reports);
			assertThat(live.at("/totals/0/total").asLong()).isEqualTo(sum);
			assertThat(this.committed.latestCommitted(OPERATION, Duration.ofSeconds(5)))
				.hasValueSatisfying((totals) -> assertThat(totals.getLines().get(0).getTotal())
					.isEqualByComparingTo(BigDecimal.valueOf(sum)));
		});
	}

	private Http.Response publish() {
		return Http.requestWith(Credentials.readerToken(Credentials.SECRETARIAT), "POST",
				url("/api/v1/admin/operations/" + OPERATION + "/publications"), null);
	}

	/**
	 * Everything an observer can read, by path; and everything live refused.
	 * @return the answers, status and body
	 */
	private Map<String, String> observerView() {
		Map<String, String> view = new TreeMap<>();
		for (String path : OBSERVER_READS) {
			Http.Response response = Http.getWith(Credentials.readerToken(Credentials.OBSERVER), url(path),
					path.contains("/summary") ? "text/*" : "application/json");
			assertThat(response.status()).as(path).isEqualTo(200);
			view.put(path, response.body());
		}
		for (String path : OBSERVER_REFUSED) {
			Http.Response response = Http.getWith(Credentials.readerToken(Credentials.OBSERVER), url(path),
					path.contains("/summary") ? "text/*, application/problem+json" : "application/json");
			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(response.body()).as(path).doesNotContain("total\"").doesNotContain("KAZ-");
		}
		assertThat(stream(OP + "/totals/stream").statusCode()).as("the live feed").isEqualTo(403);
		return view;
	}

	private static void assertPublished(String totals, int number) {
		JsonNode json = JSON.readTree(totals);
		assertThat(json.at("/publication/number").asInt()).isEqualTo(number);
		assertThat(json.at("/publication/status").asString()).isEqualTo("PRELIMINARY");
		assertThat(json.has("publication")).isTrue();
	}

	private BigDecimal expectedTotal() {
		return this.sent.values()
			.stream()
			.flatMap((report) -> report.getFindings().stream())
			.map(Finding::getQuantity)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Map<String, BigDecimal> expectedBy(Function<ReportRevision, String> key) {
		Map<String, BigDecimal> by = new TreeMap<>();
		for (ReportRevision report : this.sent.values()) {
			report.getFindings()
				.forEach((finding) -> by.merge(key.apply(report), finding.getQuantity(), BigDecimal::add));
		}
		by.replaceAll((k, v) -> v.stripTrailingZeros());
		return by;
	}

	private static Map<String, BigDecimal> decimals(JsonNode object) {
		Map<String, BigDecimal> values = new TreeMap<>();
		object.propertyNames()
			.forEach((name) -> values.put(name, object.get(name).decimalValue().stripTrailingZeros()));
		return values;
	}

	private HttpResponse<String> stream(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Accept", "text/event-stream")
				.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.OBSERVER))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private FeedClient feed(String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/publications/feed")))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.OBSERVER));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		FeedClient client = new FeedClient(this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
		this.clients.add(client);
		return client;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * One event of the feed of publications.
	 *
	 * @param id its id
	 * @param number the publication's number
	 * @param data its data
	 */
	record Event(String id, int number, String data) {

	}

	/** A test client of the feed, collecting events as they come. */
	static final class FeedClient {

		private final CompletableFuture<HttpResponse<Stream<String>>> response;

		private final List<Event> events = new CopyOnWriteArrayList<>();

		private final AtomicInteger heartbeats = new AtomicInteger();

		FeedClient(CompletableFuture<HttpResponse<Stream<String>>> response) {
			this.response = response;
			Thread reader = new Thread(this::read, "publication-feed-test-client");
			reader.setDaemon(true);
			reader.start();
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
						this.events.add(new Event(id[0], JSON.readTree(data.toString()).get("number").asInt(),
								data.toString()));
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

		/**
		 * The events sent before the first heartbeat: all the feed had for this client.
		 * @return the events
		 */
		List<Event> awaitIdle() {
			await().atMost(Duration.ofSeconds(20)).until(() -> this.heartbeats.get() > 0);
			return List.copyOf(this.events);
		}

		void close() {
			this.response.thenAccept((response) -> response.body().close());
		}

	}

}
