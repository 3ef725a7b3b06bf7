package org.jointops.localstack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.publish.ReportClaims;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.TopicReader;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on a real in-process broker: agencies of several states post over HTTP
 * to their state's producer, the aggregator counts, the secretariat reads exact totals
 * over HTTP.
 */
class PipelineIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	private static final String LABORATORIES = "LABORATORIES_SHUT_DOWN";

	@TempDir
	static Path data;

	static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = LocalStack.start(TestStacks.settings(data));
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void countsExactlyThroughDuplicatesCorrectionsWithdrawalsAndLateRevisions() {
		post("KAZ",
				report("KAZ-INTERIOR-2017-0001").count(VIOLATIONS, 1520).money("FINES_IMPOSED", "125000.50", "USD"));
		post("KAZ",
				report("KAZ-INTERIOR-2017-0001").count(VIOLATIONS, 1520).money("FINES_IMPOSED", "125000.50", "USD"));
		post("RUS", report("RUS-MVD-2017-0001").count(VIOLATIONS, 90000).money("FINES_IMPOSED", "0.25", "USD"));
		post("RUS",
				report("RUS-MVD-2017-0001").revision(2).count(VIOLATIONS, 90100).money("FINES_IMPOSED", "0.75", "USD"));
		post("TJK", report("TJK-BORDER-2017-0001").revision(3).count(VIOLATIONS, 30));
		post("TJK", report("TJK-BORDER-2017-0001").revision(2).count(VIOLATIONS, 20));
		post("TJK", report("TJK-BORDER-2017-0001").count(VIOLATIONS, 10));
		post("ARM", report("ARM-POLICE-2017-0001").count(VIOLATIONS, 5000));
		post("ARM", report("ARM-POLICE-2017-0001").revision(2).withdrawn());

		// six changes of contribution: KAZ's first revision (its duplicate changes
		// nothing), RUS's two, TJK's revision 3 (the late 2 and 1 change nothing), ARM's
		// report and its withdrawal
		JsonNode totals = awaitVersion(6);

		assertThat(totals.path("version").asLong()).as("changes applied").isEqualTo(6);
		assertThat(totals.path("reports").asLong()).isEqualTo(3);
		assertThat(totals.at("/totals/0/category").asString()).isEqualTo(VIOLATIONS);
		assertThat(totals.at("/totals/0/total").decimalValue()).isEqualTo(new BigDecimal("91650"));
		assertThat(totals.at("/totals/0/byState/KAZ").decimalValue()).isEqualTo(new BigDecimal("1520"));
		assertThat(totals.at("/totals/0/byState/RUS").decimalValue()).isEqualTo(new BigDecimal("90100"));
		assertThat(totals.at("/totals/0/byState/TJK").decimalValue()).isEqualTo(new BigDecimal("30"));
		assertThat(totals.at("/totals/0/byState").has("ARM")).as("withdrawn").isFalse();
		assertThat(totals.at("/totals/1/category").asString()).isEqualTo("FINES_IMPOSED");
		assertThat(totals.at("/totals/1/currency").asString()).isEqualTo("USD");
		assertThat(totals.at("/totals/1/total").decimalValue()).isEqualTo(new BigDecimal("125001.25"));
	}

	@Test
	void refusesAReportOfAnotherStateAtTheProducerAndCountsNothingOfIt() {
		Http.Response refused = Http.postJsonWith(stack.credentials().token("KGZ", "INTERIOR"),
				stack.producerUrls().get("KGZ") + "/api/v1/reports",
				report("KGZ-1").with("state", "KAZ").count(VIOLATIONS, 1).toJson());

		assertThat(refused.status()).isEqualTo(403);
		for (String topic : List.of(Topics.findings("KGZ"), Topics.findings("KAZ"))) {
			assertThat(TopicReader.readAll(stack.kafkaAdminProperties(), topic, new StringDeserializer(),
					new ByteArrayDeserializer()))
				.as("records on %s", topic)
				.noneMatch((record) -> record.key().equals("KGZ-1"));
		}
	}

	/**
	 * Submission and approval end to end, on ILLEGAL-DEMO (the other tests count
	 * ILLEGAL-2017): a state submits its stage, the secretariat accepts it, the producer
	 * refuses a revision, a withdrawal and a dry run with the lock's reason, and a
	 * revision or withdrawal naming the open stage 2 that would move the report out of
	 * it, the secretariat reopens it with a reason, and a revision is accepted and
	 * counted; every transition can be read back.
	 */
	@Test
	void aStageSubmittedAndAcceptedIsLockedAtTheProducerUntilTheSecretariatReopensIt() {
		String submissions = stack.aggregatorUrl() + "/api/v1/operations/ILLEGAL-DEMO/submissions";
		String kaz = stack.credentials().readerToken(stack.credentials().stateReader());
		assertThat(stack.credentials().readerState()).isEqualTo("KAZ");
		post("KAZ", demo(1).count(VIOLATIONS, 100));
		awaitDemoTotal(1, "100");

		Http.Response submitted = Http.postJsonWith(kaz, submissions + "/1/KAZ:submit",
				"{\"comment\": \"all agencies have reported\"}");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
		JsonNode whileSubmitted = awaitLocked(demo(2).count(VIOLATIONS, 150), true, "SUBMITTED");
		assertThat(whileSubmitted.path("detail").asString())
			.startsWith("Stage 1 of ILLEGAL-DEMO for KAZ was submitted by KAZ")
			.endsWith("ask the secretariat to return it");

		Http.Response accepted = Http.postJsonWith(secretariat(), submissions + "/1/KAZ:accept", "{}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		JsonNode revision = awaitLocked(demo(2).count(VIOLATIONS, 150), false, "ACCEPTED");
		assertThat(revision.path("type").asString()).isEqualTo("urn:jointops:problem:stage-locked");
		assertThat(revision.path("detail").asString())
			.startsWith("Stage 1 of ILLEGAL-DEMO for KAZ was accepted by the secretariat")
			.endsWith("the secretariat can reopen it with a recorded reason");
		assertThat(revision.path("since").asString()).isEqualTo(accepted.json().at("/transitions/1/at").asString());
		assertThat(awaitLocked(demo(2).withdrawn(), false, "ACCEPTED").at("/errors/0/field").asString())
			.isEqualTo("stage");
		JsonNode moved = awaitLocked(inDemoStage2(demo(2).count(VIOLATIONS, 150)), false, "ACCEPTED");
		assertThat(moved.at("/errors/0/field").asString()).as("naming the open stage 2").isEqualTo("reportId");
		assertThat(moved.path("detail").asString())
			.startsWith("Report KAZ-INTERIOR-DEMO-0001 counts in stage 1 of ILLEGAL-DEMO, and this revision would "
					+ "change its figures there. Stage 1 of ILLEGAL-DEMO for KAZ was accepted by the secretariat");
		assertThat(awaitLocked(inDemoStage2(demo(2).withdrawn()), false, "ACCEPTED").at("/errors/0/field").asString())
			.isEqualTo("reportId");
		assertThat(awaitLocked(demo(2).count(VIOLATIONS, 150), true, "ACCEPTED").path("status").asInt()).isEqualTo(409);
		JsonNode totals = Http.getWith(secretariat(), demoTotalsUrl()).json();
		assertThat(totals.at("/totals/0/total").decimalValue()).as("nothing of the refused revisions")
			.isEqualTo(new BigDecimal("100"));
		assertThat(totals.at("/figures/cases/0/state").asString()).isEqualTo("ARM");
		assertThat(totals.at("/figures/cases/2/submission").asString()).as("stage 1, KAZ").isEqualTo("ACCEPTED");
		assertThat(totals.at("/figures/cases/2/status").asString()).isEqualTo("FINAL");
		assertThat(totals.at("/figures/status").asString()).isEqualTo("PRELIMINARY");

		Http.Response reopened = Http.postJsonWith(secretariat(), submissions + "/1/KAZ:reopen",
				"{\"comment\": \"a court annulled part of the detentions\"}");
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		String url = stack.producerUrls().get("KAZ") + "/api/v1/reports";
		String token = stack.credentials().token("KAZ", "INTERIOR");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Http.postJsonWith(token, url + "?dryRun=true", demo(2).count(VIOLATIONS, 150).toJson())
				.status(), (status) -> status == 200);
		post("KAZ", demo(2).count(VIOLATIONS, 150));
		awaitDemoTotal(2, "150");

		JsonNode history = Http.getWith(kaz, submissions + "/1/KAZ").json();
		assertThat(history.path("status").asString()).isEqualTo("REOPENED");
		assertThat(history.path("transitions").findValuesAsString("action")).containsExactly("SUBMIT", "ACCEPT",
				"REOPEN");
		assertThat(history.path("transitions").findValuesAsString("by")).containsExactly(
				stack.credentials().stateReader(), AgencyCredentials.SECRETARIAT, AgencyCredentials.SECRETARIAT);
		assertThat(history.at("/transitions/2/comment").asString())
			.isEqualTo("a court annulled part of the detentions");
		assertThat(Http.getWith(stack.credentials().readerToken(AgencyCredentials.OBSERVER), submissions).status())
			.isEqualTo(403);
	}

	/**
	 * Two agencies of KAZ send the first revision of one new report id at the same
	 * moment, one to the stack's producer and one to a second instance that writes no
	 * owner records (as an instance of an earlier release beside this one would), round
	 * after round: whatever each producer answered, the aggregator counts each report for
	 * the agency whose record is first on the report's partition, and the other agency's
	 * record, if a producer accepted it, is a dead letter that counts for nothing. The
	 * first round is not a race: the second instance's record is written first, so the
	 * stack's producer, which knows no owner yet, accepts the other agency's after it.
	 * Then the stack's producer, which took the report ids for the agency it accepted
	 * them for, accepts that agency's second revision of every report: it counts where
	 * that agency owns the report, and is a dead letter where the other one does.
	 */
	@Test
	void ofTwoAgenciesRacingWithANewReportOnTwoProducerInstancesTheOneFirstOnTheReportsPartitionOwnsIt()
			throws Exception {
		int rounds = 10;
		Map<String, List<Accepted>> firstRevisions = new LinkedHashMap<>();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		String stackUrl = stack.producerUrls().get("KAZ");
		try (ConfigurableApplicationContext second = producerWritingNoOwners("KAZ")) {
			String secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
			firstRevisions.put("KAZ-RACE-0",
					Stream
						.of(postKanal(secondUrl, "CUSTOMS", "KAZ-RACE-0", 1, 7),
								postKanal(stackUrl, "INTERIOR", "KAZ-RACE-0", 1, 100))
						.flatMap(Optional::stream)
						.toList());
			assertThat(firstRevisions.get("KAZ-RACE-0")).as("both accepted, one after the other").hasSize(2);
			for (int round = 1; round < rounds; round++) {
				String reportId = "KAZ-RACE-" + round;
				CyclicBarrier together = new CyclicBarrier(2);
				int interior = 100 + round;
				int customs = round;
				CompletableFuture<Optional<Accepted>> first = CompletableFuture.supplyAsync(() -> {
					awaitBarrier(together);
					return postKanal(stackUrl, "INTERIOR", reportId, 1, interior);
				}, clients);
				CompletableFuture<Optional<Accepted>> other = CompletableFuture.supplyAsync(() -> {
					awaitBarrier(together);
					return postKanal(secondUrl, "CUSTOMS", reportId, 1, customs);
				}, clients);
				firstRevisions.put(reportId,
						Stream.of(first.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS))
							.flatMap(Optional::stream)
							.toList());
			}
		}
		finally {
			clients.shutdownNow();
		}
		List<Accepted> secondRevisions = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			Optional<Accepted> revision = postKanal(stackUrl, "INTERIOR", "KAZ-RACE-" + round, 2, 1000 + round);
			assertThat(revision).as("INTERIOR's second revision of KAZ-RACE-%d", round).isPresent();
			secondRevisions.add(revision.get());
		}

		// what the answers say: per report, the accepted record first on its partition
		// owns it, and only its owner's revisions count; the test's own sum
		Map<String, Accepted> owners = new TreeMap<>();
		List<Accepted> refused = new ArrayList<>();
		firstRevisions.forEach((reportId, records) -> {
			assertThat(records).as("accepted first revisions of %s", reportId).isNotEmpty();
			assertThat(records).extracting(Accepted::partition)
				.as("one partition per report id")
				.containsOnly(records.get(0).partition());
			List<Accepted> inOrder = records.stream().sorted(Comparator.comparingLong(Accepted::offset)).toList();
			owners.put(reportId, inOrder.get(0));
			refused.addAll(inOrder.subList(1, inOrder.size()));
		});
		Map<String, Accepted> standing = new TreeMap<>(owners);
		for (Accepted revision : secondRevisions) {
			if (owners.get(revision.reportId()).agency().equals(revision.agency())) {
				standing.put(revision.reportId(), revision);
			}
			else {
				refused.add(revision);
			}
		}
		long total = standing.values().stream().mapToLong(Accepted::quantity).sum();
		long changes = rounds + standing.values().stream().filter((revision) -> revision.revision() == 2).count();
		Map<String, String> expected = new TreeMap<>();
		standing.forEach((reportId, revision) -> expected.put(reportId, revision.counted()));
		String totalsUrl = stack.aggregatorUrl() + "/api/v1/operations/KANAL-DEMO/totals";
		String reportsUrl = stack.aggregatorUrl() + "/api/v1/operations/KANAL-DEMO/reports";

		JsonNode totals = await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.getWith(secretariat(), totalsUrl).json(),
					(answer) -> answer.path("version").asLong() == changes);
		assertThat(totals.path("reports").asLong()).isEqualTo(rounds);
		assertThat(totals.at("/totals/0/category").asString()).isEqualTo(LABORATORIES);
		assertThat(totals.at("/totals/0/total").decimalValue()).as("the owners' figures, summed by the test")
			.isEqualByComparingTo(BigDecimal.valueOf(total));
		Map<String, String> counted = new TreeMap<>();
		Http.getWith(secretariat(), reportsUrl)
			.json()
			.path("reports")
			.forEach((report) -> counted.put(report.path("reportId").asString(),
					report.path("agency").asString() + " revision " + report.path("revision").asInt() + ": "
							+ report.at("/findings/0/quantity").decimalValue().toBigInteger()));
		assertThat(counted).as("each report counted for the agency first on its partition").isEqualTo(expected);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(notTheOwnersDeadLetters()).as("dead letters of the other agency's revisions")
						.containsExactlyInAnyOrderElementsOf(refused.stream()
							.map((revision) -> revision.deadLetter(owners.get(revision.reportId()).agency()))
							.toList()));
		System.out.printf(
				"owner race: %d of %d rounds had both agencies' first revisions accepted; CUSTOMS owns %d of %d "
						+ "reports%n",
				firstRevisions.values().stream().filter((records) -> records.size() == 2).count() - 1, rounds - 1,
				owners.values().stream().filter((owner) -> owner.agency().equals("CUSTOMS")).count(), rounds);
	}

	/**
	 * The dead letters of kind NOT_THE_OWNER of this test's reports, as
	 * {@link Accepted#deadLetter} writes them.
	 */
	private static List<String> notTheOwnersDeadLetters() {
		return TopicReader
			.readAll(stack.kafkaAdminProperties(), Topics.DEAD_LETTER, new StringDeserializer(),
					new ByteArrayDeserializer())
			.stream()
			.filter((record) -> record.key() != null && record.key().startsWith("KAZ-RACE-"))
			.map((record) -> header(record, "dead-letter.kind") + " " + record.key() + " "
					+ header(record, "dead-letter.source-topic") + "-" + header(record, "dead-letter.source-partition")
					+ "@" + header(record, "dead-letter.source-offset") + " first sent by "
					+ between(header(record, "dead-letter.reason"), " was first sent by ", ";"))
			.toList();
	}

	private static String between(String text, String before, String after) {
		int start = text.indexOf(before) + before.length();
		return text.substring(start, text.indexOf(after, start));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Posts a revision of a KANAL-DEMO report of KAZ (stage 1, one count line).
	 * @return where the record is if it was accepted, empty if it was refused (403: the
	 * producer already knew another agency for the report id)
	 */
	private static Optional<Accepted> postKanal(String producerUrl, String agency, String reportId, int revision,
			int quantity) {
		String json = ReportJson.illegal2017(reportId)
			.revision(revision)
			.with("agency", agency)
			.with("operation", "KANAL-DEMO")
			.with("periodStart", "2026-06-15")
			.with("periodEnd", "2026-06-26")
			.count(LABORATORIES, quantity)
			.toJson();
		Http.Response response = Http.postJsonWith(stack.credentials().token("KAZ", agency),
				producerUrl + "/api/v1/reports", json);
		assertThat(response.status()).as("%s of %s: %s", reportId, agency, response.body()).isIn(202, 403);
		if (response.status() == 403) {
			return Optional.empty();
		}
		JsonNode answer = response.json();
		return Optional.of(new Accepted(reportId, revision, agency, quantity, answer.path("topic").asString(),
				answer.path("partition").asInt(), answer.path("offset").asLong()));
	}

	/**
	 * A second producer instance of a state, beside the stack's, that publishes revisions
	 * without writing their owners to the owners topic first (it still refuses another
	 * agency's revision of a report whose owner it has read there).
	 */
	private static ConfigurableApplicationContext producerWritingNoOwners(String state) {
		SpringApplication application = StateProducerApplication.application();
		application.addInitializers(
				(context) -> ((GenericApplicationContext) context).registerBean("claimsNothing", ReportClaims.class,
						() -> (revisions, timeout) -> Map.of(), (definition) -> definition.setPrimary(true)));
		String name = "state-producer-" + state.toLowerCase(Locale.ROOT) + "-2";
		Map<String, String> properties = new LinkedHashMap<>(stack.credentials().producerProperties(state));
		properties.put("jointops.state", state);
		properties.put("server.port", "0");
		properties.put("server.tomcat.basedir", data.resolve("tomcat").resolve(name).toString());
		properties.put("spring.application.name", name);
		properties.put("spring.kafka.client-id", name);
		properties.put("spring.kafka.bootstrap-servers", stack.bootstrapServers());
		properties.put("spring.main.banner-mode", "off");
		properties.put("jointops.kafka.replication.replication-factor", "1");
		properties.put("jointops.kafka.replication.min-insync-replicas", "1");
		return application.run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ReportJson report(String reportId) {
		return ReportJson.illegal2017(reportId);
	}

	/**
	 * A revision of a KAZ report on stage 1 of ILLEGAL-DEMO.
	 */
	private static ReportJson demo(int revision) {
		return ReportJson.illegal2017("KAZ-INTERIOR-DEMO-0001")
			.with("operation", "ILLEGAL-DEMO")
			.with("periodStart", "2026-05-25")
			.with("periodEnd", "2026-06-05")
			.revision(revision);
	}

	/**
	 * The same revision naming stage 2 of ILLEGAL-DEMO, which is open.
	 */
	private static ReportJson inDemoStage2(ReportJson report) {
		return report.with("stage", 2).with("periodStart", "2026-09-21").with("periodEnd", "2026-10-02");
	}

	/**
	 * Waits until the producer of KAZ refuses a revision because its stage is locked with
	 * a status (it follows the register a moment behind the aggregator).
	 */
	private static JsonNode awaitLocked(ReportJson report, boolean dryRun, String status) {
		String url = stack.producerUrls().get("KAZ") + "/api/v1/reports" + (dryRun ? "?dryRun=true" : "");
		String token = stack.credentials().token("KAZ", "INTERIOR");
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> Http.postJsonWith(token, url, report.toJson()),
					(answer) -> answer.status() == 409
							&& status.equals(answer.json().path("submissionStatus").asString()))
			.json();
	}

	private static String demoTotalsUrl() {
		return stack.aggregatorUrl() + "/api/v1/operations/ILLEGAL-DEMO/totals";
	}

	/**
	 * Waits until ILLEGAL-DEMO's totals have a version and its one line a total.
	 */
	private static void awaitDemoTotal(long version, String total) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.getWith(secretariat(), demoTotalsUrl()).json(),
					(totals) -> totals.path("version").asLong() == version
							&& totals.at("/totals/0/total").decimalValue().compareTo(new BigDecimal(total)) == 0);
	}

	private static void post(String state, ReportJson report) {
		Http.Response response = Http.postJsonWith(stack.credentials().token(state, "INTERIOR"),
				stack.producerUrls().get(state) + "/api/v1/reports", report.toJson());
		assertThat(response.status()).as("%s: %s", report, response.body()).isEqualTo(202);
	}

	/**
	 * Waits until the totals have gone through every change the posts make (the version
	 * counts them), and returns those totals: the whole expected state, not a part of it
	 * that can hold while a change is still on its way.
	 */
	private static JsonNode awaitVersion(long version) {
		String url = stack.aggregatorUrl() + "/api/v1/operations/ILLEGAL-2017/totals";
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.getWith(secretariat(), url).json(),
					(totals) -> totals.path("version").asLong() >= version);
	}

	private static String secretariat() {
		return stack.credentials().readerToken(AgencyCredentials.SECRETARIAT);
	}

	/**
	 * A revision a producer accepted, where its answer says it is.
	 */
	private record Accepted(String reportId, int revision, String agency, int quantity, String topic, int partition,
			long offset) {

		/** What the aggregator's list of reports says of it when it counts. */
		String counted() {
			return this.agency + " revision " + this.revision + ": " + this.quantity;
		}

		/**
		 * Its dead letter, as {@link PipelineIntegrationTests#notTheOwnersDeadLetters}
		 * reads it.
		 */
		String deadLetter(String owner) {
			return "NOT_THE_OWNER " + this.reportId + " " + this.topic + "-" + this.partition + "@" + this.offset
					+ " first sent by " + owner;
		}

	}

}
