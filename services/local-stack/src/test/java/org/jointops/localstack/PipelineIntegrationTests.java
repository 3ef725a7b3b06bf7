package org.jointops.localstack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.TopicReader;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on a real in-process broker: agencies of several states post over HTTP
 * to their state's producer, the aggregator counts, the secretariat reads exact totals
 * over HTTP.
 */
class PipelineIntegrationTests {

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

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

}
