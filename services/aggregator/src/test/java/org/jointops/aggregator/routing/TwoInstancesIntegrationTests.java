package org.jointops.aggregator.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.FreePorts;
import org.jointops.testsupport.Http;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;

/**
 * Two aggregator instances on one broker, the findings topics and the internal topics
 * with several partitions, so that each instance holds the ledgers of some operations
 * only: every query of every operation, and the list of operations, asked of either
 * instance gets the same exact answer, the one the reports make; an answer the other
 * instance gave is marked so; a query forwarded once is answered where it arrives, from
 * the standby replica there, with its lag. When one instance stops, the other answers
 * every query exactly or 503, never empty totals, until it holds everything (last, as it
 * leaves one instance).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(TwoInstancesIntegrationTests.class);

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final String DETAINED = "WANTED_PERSONS_DETAINED";

	private static final List<String> OPERATIONS = List.of("ILLEGAL-2017", "ROUTE-A", "ROUTE-B", "ROUTE-C", "ROUTE-D",
			"ROUTE-E", "ROUTE-F");

	private static final List<String> STATES = List.of("KAZ", "RUS", "ARM");

	private static EmbeddedKafkaNode kafka;

	private static final List<Instance> instances = new ArrayList<>();

	private static final Map<String, Expected> expected = new TreeMap<>();

	@BeforeAll
	static void startTwoInstancesAndReport() {
		kafka = EmbeddedKafkaNode.start();
		kafka.createTopics(STATES.stream()
			.map((state) -> TopicBuilder.name(Topics.findings(state)).partitions(2).replicas(1).build())
			.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
		instances.add(Instance.start(kafka));
		instances.add(Instance.start(kafka));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> instances.stream().allMatch(Instance::ready));
		report();
	}

	@AfterAll
	static void stop() {
		instances.forEach(Instance::close);
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void everyInstanceAnswersTheTotalsOfEveryOperationExactlyAndMarksTheAnswersAnotherInstanceGave() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			for (String operation : OPERATIONS) {
				for (Instance instance : instances) {
					assertThat(totalsOf(instance.get(Credentials.SECRETARIAT, totals(operation))))
						.as(operation + " asked of " + instance)
						.isEqualTo(expected.get(operation));
				}
			}
		});

		int forwarded = 0;
		for (String operation : OPERATIONS) {
			List<Http.Response> answers = instances.stream()
				.map((instance) -> instance.get(Credentials.SECRETARIAT, totals(operation)))
				.toList();
			String holder = answers.get(0).header(RoutingHeaders.SERVED_BY);
			assertThat(instances).extracting(Instance::address)
				.as("the instance that holds " + operation)
				.contains(holder);
			for (int i = 0; i < instances.size(); i++) {
				Http.Response answer = answers.get(i);
				NeverEmptyTotals.check(answer, operation + " asked of " + instances.get(i));
				assertThat(answer.header(RoutingHeaders.SERVED_BY)).as("served by").isEqualTo(holder);
				assertThat(answer.header(RoutingHeaders.STANDBY_LAG)).as("an active store answered").isNull();
				assertThat(answer.json()).isEqualTo(answers.get(0).json());
				assertThat(totalsOf(answer)).isEqualTo(expected.get(operation));
				if (!holder.equals(instances.get(i).address())) {
					forwarded++;
				}
			}
		}
		assertThat(forwarded).as("each operation is held by one instance and forwarded by the other")
			.isEqualTo(OPERATIONS.size());
	}

	@Test
	void everyInstanceAnswersEveryQueryOfAnOperationAlikeWithTheCallersIdentity() {
		awaitEveryTotal();
		for (String operation : OPERATIONS) {
			for (Query query : List.of(
					new Query(Credentials.SECRETARIAT, totals(operation) + "?state=KAZ&stage=1", null),
					new Query(Credentials.SECRETARIAT, totals(operation) + "?asOf=2017-06-03T08:00:00Z", null),
					new Query(Credentials.SECRETARIAT, "/api/v1/operations/" + operation + "/reports", null),
					new Query(Credentials.STATE_KAZ, "/api/v1/operations/" + operation + "/reports", null),
					new Query(Credentials.OBSERVER, "/api/v1/operations/" + operation + "/reports", null),
					new Query(Credentials.SECRETARIAT, "/api/v1/operations/" + operation + "/completeness", null),
					new Query(Credentials.STATE_KAZ, "/api/v1/operations/" + operation + "/completeness", null),
					new Query(Credentials.SECRETARIAT, "/api/v1/operations/" + operation + "/summary", "text/markdown"),
					new Query(Credentials.SECRETARIAT, "/api/v1/operations/" + operation + "/summary?lang=ru",
							"text/html"),
					new Query(Credentials.SECRETARIAT, totals(operation) + "?state=NOWHERE", null))) {
				List<Http.Response> answers = instances.stream().map((instance) -> instance.ask(query)).toList();
				Http.Response first = answers.get(0);
				for (Http.Response answer : answers) {
					assertThat(answer.status()).as(query.path() + " as " + query.reader()).isEqualTo(first.status());
					assertThat(answer.header("Content-Type")).as(query.path()).isEqualTo(first.header("Content-Type"));
					assertThat(comparable(answer)).as(query.path() + " as " + query.reader())
						.isEqualTo(comparable(first));
				}
			}
			Http.Response kazReports = instances.get(1)
				.get(Credentials.STATE_KAZ, "/api/v1/operations/" + operation + "/reports");
			assertThat(kazReports.json().path("reports"))
				.as("a state reader sees its own state's reports, wherever it asks")
				.allSatisfy((report) -> assertThat(report.path("state").asString()).isEqualTo("KAZ"))
				.hasSize(expected.get(operation).reportsOf("KAZ"));
			assertThat(
					instances.get(0).get(Credentials.OBSERVER, "/api/v1/operations/" + operation + "/reports").status())
				.isEqualTo(403);
			String summary = instances.get(1)
				.ask(new Query(Credentials.SECRETARIAT, "/api/v1/operations/" + operation + "/summary",
						"text/markdown"))
				.body();
			assertThat(summary).contains("Reports counted: " + expected.get(operation).reports());
		}
	}

	@Test
	void everyInstanceListsEveryOperation() {
		awaitEveryTotal();
		List<JsonNode> lists = instances.stream()
			.map((instance) -> instance.get(Credentials.SECRETARIAT, "/api/v1/operations"))
			.peek((answer) -> assertThat(answer.status()).isEqualTo(200))
			.map(Http.Response::json)
			.toList();
		for (JsonNode list : lists) {
			assertThat(reportsByOperation(list)).isEqualTo(expectedReports());
			assertThat(list).isEqualTo(lists.get(0));
		}
	}

	@Test
	void aQueryForwardedOnceIsAnsweredWhereItArrivesFromTheStandbyReplicaWithItsLag() {
		awaitEveryTotal();
		for (String operation : OPERATIONS) {
			String holder = instances.get(0)
				.get(Credentials.SECRETARIAT, totals(operation))
				.header(RoutingHeaders.SERVED_BY);
			Instance other = instances.stream()
				.filter((instance) -> !instance.address().equals(holder))
				.findFirst()
				.orElseThrow();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				Http.Response answer = Http.requestWith(Credentials.readerToken(Credentials.SECRETARIAT), "GET",
						other.url(totals(operation)), null, RoutingHeaders.FORWARDED_BY, "test:1");
				NeverEmptyTotals.check(answer, operation + " forwarded to the standby " + other);
				assertThat(answer.status()).isEqualTo(200);
				assertThat(answer.header(RoutingHeaders.SERVED_BY)).isEqualTo(other.address());
				assertThat(answer.header(RoutingHeaders.STANDBY_LAG)).as("lag of the standby replica").matches("\\d+");
				assertThat(totalsOf(answer)).isEqualTo(expected.get(operation));
			});
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void whenAnInstanceStopsTheOtherAnswersEveryQueryExactlyOrNotAtAllUntilItHoldsEverything() {
		awaitEveryTotal();
		Instance survivor = instances.get(0);
		instances.get(1).close();
		List<String> wrong = new ArrayList<>();
		int[] answers = new int[2];
		long stopped = System.nanoTime();
		long[] lastUnavailable = { stopped };
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			boolean allActiveHere = true;
			for (String operation : OPERATIONS) {
				Http.Response answer = survivor.get(Credentials.SECRETARIAT, totals(operation));
				answers[0]++;
				NeverEmptyTotals.check(answer, operation + " asked of the survivor");
				if (answer.status() == 503) {
					answers[1]++;
					lastUnavailable[0] = System.nanoTime();
					allActiveHere = false;
				}
				else if (!expected.get(operation).equals(totalsOf(answer))) {
					wrong.add(operation + ": " + answer.body());
				}
				else {
					allActiveHere &= survivor.address().equals(answer.header(RoutingHeaders.SERVED_BY))
							&& answer.header(RoutingHeaders.STANDBY_LAG) == null;
				}
			}
			Http.Response list = survivor.get(Credentials.SECRETARIAT, "/api/v1/operations");
			answers[0]++;
			if (list.status() == 503) {
				answers[1]++;
				lastUnavailable[0] = System.nanoTime();
				return false;
			}
			if (!reportsByOperation(list.json()).equals(expectedReports())) {
				wrong.add("list: " + list.body());
			}
			return allActiveHere;
		});
		assertThat(wrong).as("answers other than the exact figures or 503, of " + answers[0]).isEmpty();
		logger.info("After one of two instances stopped: {} answers, {} of them 503, the last {} ms after the stop",
				answers[0], answers[1], Duration.ofNanos(lastUnavailable[0] - stopped).toMillis());
	}

	private static Map<String, Long> reportsByOperation(JsonNode list) {
		Map<String, Long> reports = new TreeMap<>();
		list.path("operations")
			.forEach((entry) -> reports.put(entry.path("operation").asString(), entry.path("reports").asLong()));
		return reports;
	}

	private static Map<String, Long> expectedReports() {
		Map<String, Long> wanted = new TreeMap<>();
		expected.forEach((operation, figures) -> wanted.put(operation, (long) figures.reports()));
		return wanted;
	}

	private static void awaitEveryTotal() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			for (String operation : OPERATIONS) {
				for (Instance instance : instances) {
					assertThat(totalsOf(instance.get(Credentials.SECRETARIAT, totals(operation))))
						.isEqualTo(expected.get(operation));
				}
			}
		});
	}

	/**
	 * Reports on every operation from every state, some revised: each revision publishes
	 * a new figure, so each changes the operation's totals once.
	 */
	private static void report() {
		int seed = 0;
		for (String operation : OPERATIONS) {
			Expected figures = new Expected();
			for (String state : STATES) {
				seed++;
				if ((seed % 4) == 0) {
					continue; // not every state reports on every operation
				}
				String reportId = state + "-" + operation;
				long violations = 100L * seed + 7;
				long detained = seed;
				kafka.publish(illegal2017(state, reportId).setOperation(operation)
					.setFindings(List.of(count(VIOLATIONS, violations * 2), count(DETAINED, detained)))
					.build());
				figures.changes++;
				if ((seed % 3) == 0) {
					kafka.publish(illegal2017(state, reportId).setOperation(operation)
						.setRevision(2)
						.setFindings(List.of(count(VIOLATIONS, violations)))
						.build());
					figures.changes++;
					detained = 0;
				}
				else {
					violations *= 2;
				}
				figures.add(state, VIOLATIONS, violations);
				figures.add(state, DETAINED, detained);
			}
			expected.put(operation, figures);
		}
	}

	/**
	 * An answer's body as two instances' answers should agree on it: completeness is
	 * judged at the instant each is asked ({@code at}), the rest is the same to the byte.
	 * @param answer the answer
	 * @return its JSON without {@code at}, or its text
	 */
	private static Object comparable(Http.Response answer) {
		String type = answer.header("Content-Type");
		if (type == null || !type.contains("json")) {
			return answer.body();
		}
		JsonNode json = answer.json();
		if (json instanceof tools.jackson.databind.node.ObjectNode object) {
			object.remove("at");
		}
		return json;
	}

	private static String totals(String operation) {
		return "/api/v1/operations/" + operation + "/totals";
	}

	/**
	 * The figures an answer of totals gives: version, reports and each line's total by
	 * state.
	 * @param answer the answer
	 * @return the figures, or null unless the answer is 200
	 */
	private static Expected totalsOf(Http.Response answer) {
		if (answer.status() != 200) {
			return null;
		}
		JsonNode json = answer.json();
		Expected figures = new Expected();
		figures.changes = (int) json.path("version").asLong();
		for (JsonNode line : json.path("totals")) {
			line.path("byState")
				.properties()
				.forEach((entry) -> figures.add(entry.getKey(), line.path("category").asString(),
						entry.getValue().decimalValue().longValueExact()));
		}
		return figures;
	}

	/**
	 * What a query is asked as.
	 *
	 * @param reader the reader whose token it carries
	 * @param path path and query string
	 * @param accept the {@code Accept} header, or null
	 */
	private record Query(String reader, String path, String accept) {
	}

	/**
	 * An aggregator instance in its own Spring context on this JVM.
	 *
	 * @param context its context
	 * @param port its HTTP port
	 */
	private record Instance(ConfigurableApplicationContext context, int port) {

		static Instance start(EmbeddedKafkaNode kafka) {
			int port = FreePorts.next();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("server.port", port);
			properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
			properties.putAll(Credentials.aggregatorKafkaProperties());
			properties.putAll(EmbeddedKafkaNode.ONE_REPLICA);
			properties.put("spring.kafka.streams.state-dir", "target/kstreams-state/" + UUID.randomUUID());
			properties.put("jointops.advertised-host", "localhost");
			properties.put("jointops.instances.expected", 2);
			properties.put("jointops.instances.one-host", true);
			properties.put("jointops.instances.standby-replicas", 1);
			properties.put("jointops.catalogue.extra-files", "src/test/resources/catalogue/routing.json");
			String[] arguments = properties.entrySet()
				.stream()
				.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
			return new Instance(AggregatorApplication.application().run(arguments), port);
		}

		String address() {
			return "localhost:" + this.port;
		}

		String url(String path) {
			return "http://localhost:" + this.port + path;
		}

		boolean ready() {
			return Http.get(url("/actuator/health/readiness")).status() == 200;
		}

		Http.Response get(String reader, String path) {
			return Http.getAs(reader, url(path));
		}

		Http.Response ask(Query query) {
			return (query.accept() != null)
					? Http.getWith(Credentials.readerToken(query.reader()), url(query.path()), query.accept())
					: Http.getAs(query.reader(), url(query.path()));
		}

		void close() {
			this.context.close();
		}

		@Override
		public String toString() {
			return address();
		}

	}

	/**
	 * Figures of an operation: how many changes made them (its version), and each
	 * category's total by state.
	 */
	private static final class Expected {

		private int changes;

		private final Map<String, Map<String, BigDecimal>> byCategory = new TreeMap<>();

		void add(String state, String category, long quantity) {
			if (quantity != 0) {
				this.byCategory.computeIfAbsent(category, (key) -> new TreeMap<>())
					.merge(state, BigDecimal.valueOf(quantity), BigDecimal::add);
			}
		}

		int reports() {
			return (int) this.byCategory.values()
				.stream()
				.flatMap((byState) -> byState.keySet().stream())
				.distinct()
				.count();
		}

		int reportsOf(String state) {
			return this.byCategory.values().stream().anyMatch((byState) -> byState.containsKey(state)) ? 1 : 0;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Expected that && this.changes == that.changes
					&& this.byCategory.equals(that.byCategory);
		}

		@Override
		public int hashCode() {
			return Stream.of(this.changes, this.byCategory).toList().hashCode();
		}

		@Override
		public String toString() {
			return "version " + this.changes + " " + this.byCategory;
		}

	}

}
