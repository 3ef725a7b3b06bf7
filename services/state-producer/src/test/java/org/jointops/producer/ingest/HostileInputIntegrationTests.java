package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jointops.producer.StateProducerApplication;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a careless or hostile client can throw at a producer service, over real HTTP
 * on a real broker: each gets a clear problem (status, field, reason) and nothing reaches
 * Kafka.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class HostileInputIntegrationTests {

	private static final String JSON = "application/json";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@ParameterizedTest
	@MethodSource("hostileBodies")
	void refusesWithTheFieldAndTheReasonAndPublishesNothing(Hostile hostile) {
		Http.Response response = Http.postAs("INTERIOR", "http://localhost:" + this.port + "/api/v1/reports",
				hostile.contentType(), hostile.body());

		assertThat(response.status()).isEqualTo(hostile.status());
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(hostile.status());
		assertThat(problem.get("detail").asString()).isNotBlank().hasSizeLessThan(2_000);
		if (hostile.field() != null) {
			JsonNode errors = problem.get("errors");
			assertThat(errors).as("errors").isNotEmpty();
			for (JsonNode error : errors) {
				assertThat(error.get("field").asString()).isNotBlank();
				assertThat(error.get("reason").asString()).isNotBlank()
					.hasSizeLessThan(400)
					.doesNotContainPattern("\\p{Cntrl}")
					.as("no Java internals in %s", error)
					.doesNotContain("org.jointops", "java.", "Exception");
			}
			assertThat(errors.get(0).get("field").asString()).isEqualTo(hostile.field());
			assertThat(errors.get(0).get("reason").asString()).contains(hostile.reason());
		}
		else {
			assertThat(problem.get("detail").asString()).contains(hostile.reason());
		}
		assertThat(recordsOnTheFindingsTopic()).as("records published").isZero();
	}

	@Test
	void refusesA10MegabyteReportBeforeReadingIt() throws Exception {
		byte[] body = valid().with("reportId", "K".repeat(10 * 1024 * 1024)).toJson().getBytes(StandardCharsets.UTF_8);

		String careful = RawHttp.post(this.port, "/api/v1/reports", JSON, body, true);
		String careless = RawHttp.post(this.port, "/api/v1/reports", JSON, body, false);

		for (String answer : List.of(careful, careless)) {
			assertThat(answer).startsWith("HTTP/1.1 413")
				.contains("application/problem+json")
				.contains("The body is longer than 262144 bytes");
		}
		assertThat(careful).as("a client that asked first is not told to send").doesNotContain("HTTP/1.1 100");
		assertThat(recordsOnTheFindingsTopic()).as("records published").isZero();
	}

	static Stream<Arguments> hostileBodies() {
		return Stream.of(
				// not JSON, or not one report
				hostile("malformed JSON", JSON, "{\"reportId\": \"KAZ-1\",", 400, "reportId", "not well-formed JSON"),
				hostile("an empty body", JSON, "", 400, "body", "one report as a JSON object"),
				hostile("null", JSON, "null", 400, "body", "one report as a JSON object"),
				hostile("an array of reports", JSON, "[" + valid().toJson() + "]", 400, "body", "JSON object"),
				hostile("a bare string", JSON, "\"report\"", 400, "body", "JSON object"),
				hostile("two reports in one body", JSON, valid().toJson() + valid().toJson(), 400, "body", "JSON"),
				hostile("bytes that are not UTF-8", JSON, utf8Broken(), 400, "reportId", "UTF-8"),
				hostile("deeply nested arrays", JSON, "{\"findings\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}",
						400, "findings[0]", "expected a finding line as an object"),
				// wrong types and missing fields
				hostile("a word for the revision", JSON, valid().with("revision", "one").toJson(), 400, "revision",
						"expected a whole number"),
				hostile("a boolean for the stage", JSON, valid().with("stage", true).toJson(), 400, "stage",
						"expected a whole number"),
				hostile("an object for the findings", JSON, valid().with("findings", Map.of("a", 1)).toJson(), 400,
						"findings", "expected"),
				hostile("a number for a date", JSON, valid().with("periodStart", 20170522).toJson(), 400, "periodStart",
						"expected a date"),
				hostile("an empty object", JSON, "{}", 400, "agency", "is required"),
				hostile("an unknown field", JSON, valid().with("comment", "x").toJson(), 400, "comment",
						"unknown field"),
				// numbers
				hostile("a huge revision", JSON, valid().with("revision", new BigInteger("9".repeat(40))).toJson(), 400,
						"revision", "out of range"),
				hostile("a huge quantity", JSON,
						valid().finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1e400"), null).toJson(), 400,
						"findings[0].quantity", "implausibly large"),
				hostile("a negative count", JSON, valid().count("IMMIGRATION_LAW_VIOLATIONS", -5).toJson(), 400,
						"findings[0].quantity", "must not be negative"),
				hostile("a fractional count", JSON,
						valid().finding("IMMIGRATION_LAW_VIOLATIONS", new BigDecimal("1.5"), null).toJson(), 400,
						"findings[0].quantity", "whole"),
				// dates
				hostile("a date in year 0", JSON, valid().with("periodStart", "0000-01-01").toJson(), 400,
						"periodStart", "outside"),
				hostile("a date in year 9999", JSON, valid().with("periodEnd", "9999-12-31").toJson(), 400, "periodEnd",
						"outside"),
				hostile("a thirteenth month", JSON, valid().with("periodStart", "2017-13-01").toJson(), 400,
						"periodStart", "expected a date"),
				// absurd strings
				hostile("a 200 KB agency", JSON, valid().with("agency", "A".repeat(200_000)).toJson(), 400, "agency",
						"unknown agency"),
				hostile("control characters in the report id", JSON,
						valid().with("reportId", "KAZ\u0000\u0007\u001b[31m-1").toJson(), 400, "reportId",
						"must be 1 to 100"),
				hostile("a script as the agency", JSON, valid().with("agency", "<script>alert(1)</script>").toJson(),
						400, "agency", "unknown agency"),
				hostile("SQL as the report id", JSON, valid().with("reportId", "1'; DROP TABLE reports;--").toJson(),
						400, "reportId", "must be 1 to 100"),
				hostile("SQL as a category", JSON, valid().count("' OR 1=1 --", 1).toJson(), 400,
						"findings[0].category", "unknown category"),
				hostile("right-to-left override in the report id", JSON,
						valid().with("reportId", "KAZ-\u202e1-GPJ").toJson(), 400, "reportId", "must be 1 to 100"),
				// the edges of the service
				hostile("a body over the size limit", JSON, valid().with("reportId", "K".repeat(300_000)).toJson(), 413,
						null, "longer than"),
				hostile("plain text", "text/plain", valid().toJson(), 415, null, "text/plain"),
				hostile("XML", "application/xml", "<report/>", 415, null, "application/xml"),
				hostile("another state's report", JSON, valid().with("state", "RUS").toJson(), 403, "state",
						"must be KAZ"));
	}

	private static Arguments hostile(String name, String contentType, String body, int status, String field,
			String reason) {
		return hostile(name, contentType, body.getBytes(StandardCharsets.UTF_8), status, field, reason);
	}

	private static Arguments hostile(String name, String contentType, byte[] body, int status, String field,
			String reason) {
		return Arguments.of(Named.of(name, new Hostile(contentType, body, status, field, reason)));
	}

	private static ReportJson valid() {
		return ReportJson.illegal2017("KAZ-2017-0001");
	}

	private static byte[] utf8Broken() {
		byte[] json = valid().with("reportId", "KAZ-XX").toJson().getBytes(StandardCharsets.UTF_8);
		String text = new String(json, StandardCharsets.UTF_8);
		int at = text.indexOf("KAZ-XX") + 4;
		json[at] = (byte) 0xC3; // starts a two-byte sequence ...
		json[at + 1] = (byte) 0x28; // ... that does not continue
		return json;
	}

	private long recordsOnTheFindingsTopic() {
		try (Admin admin = this.kafka.admin()) {
			List<TopicPartition> partitions = admin.describeTopics(List.of("findings.kaz"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("findings.kaz")
				.partitions()
				.stream()
				.map((info) -> new TopicPartition("findings.kaz", info.partition()))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			return admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request no agency should send.
	 *
	 * @param contentType its Content-Type
	 * @param body its bytes
	 * @param status the expected status
	 * @param field the field the first error must name, or null for problems without
	 * errors (413, 415)
	 * @param reason what the reason (or the detail) must say
	 */
	record Hostile(String contentType, byte[] body, int status, String field, String reason) {

	}

}
