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

	private static ReportJson report(String reportId) {
		return ReportJson.illegal2017(reportId);
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
