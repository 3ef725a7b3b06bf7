package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jointops.producer.StateProducerApplication;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.testsupport.WithEmbeddedKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random reports, valid and mutated, from a seeded generator (set
 * {@code -Djointops.random-reports.seed=…} to replay a run): with Kafka up the service
 * never answers 5xx, every refusal names the field and the reason, and exactly the
 * reports answered 202 are on the topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@WithEmbeddedKafka
class RandomReportsIntegrationTests {

	private static final int REPORTS = 3_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] CATEGORIES = { "IMMIGRATION_LAW_VIOLATIONS", "FINES_IMPOSED",
			"WANTED_PERSONS_DETAINED", "CASES_ORGANIZING_ILLEGAL_MIGRATION", "CASES_HUMAN_TRAFFICKING",
			"CASES_OTHER_CRIMES", "CASES_DRUG_TRAFFICKING", "CASES_ARMS_TRAFFICKING", "DRUGS_SEIZED" };

	private static final String[] AGENCIES = { "INTERIOR", "BORDER_GUARD", "CUSTOMS", "MIGRATION", "POLICE" };

	private static final String[] CURRENCIES = { "USD", "KZT", "EUR", "XXX", "usd" };

	private static final Object[] ODD_VALUES = { null, "", " ", "\u0000", "<script>alert(1)</script>",
			"'; DROP TABLE reports;--", "\u202e", "☃", -1, 0, 1.5, -0.0, 1e308, Long.MAX_VALUE, true, List.of(),
			Map.of(), "9".repeat(60), "2017-02-30", "2017-05-22T00:00:00Z", "KAZ" };

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void neverAnswers5xxNamesEveryRefusalAndPublishesExactlyWhatItAccepted() {
		long seed = Long.getLong("jointops.random-reports.seed", 20170522L);
		Random random = new Random(seed);
		Set<String> accepted = new HashSet<>();
		Map<Integer, Integer> statuses = new LinkedHashMap<>();
		for (int i = 0; i < REPORTS; i++) {
			String body = body(random, i);
			Http.Response response = Http.postJsonAs(agencyOf(body),
					"http://localhost:" + this.port + "/api/v1/reports", body);
			statuses.merge(response.status(), 1, Integer::sum);
			String context = "seed " + seed + ", report " + i + ": " + shortened(body) + " -> " + response.status()
					+ " " + response.body();
			assertThat(response.status()).as(context).isIn(202, 400, 403);
			JsonNode answer = response.json();
			if (response.status() == 202) {
				accepted.add(answer.get("partition").asInt() + "@" + answer.get("offset").asLong());
			}
			else {
				assertThat(answer.get("errors")).as(context).isNotEmpty();
				answer.get("errors").forEach((error) -> {
					assertThat(error.get("field").asString()).as(context).isNotBlank();
					assertThat(error.get("reason").asString()).as(context)
						.isNotBlank()
						.doesNotContain("org.jointops", "java.", "Exception");
				});
			}
		}
		List<ConsumerRecord<byte[], byte[]>> published = TopicReader.readAll(this.kafka.adminClientProperties(),
				"findings.kaz", new ByteArrayDeserializer(), new ByteArrayDeserializer());
		Set<String> onTheTopic = new HashSet<>();
		published.forEach((record) -> onTheTopic.add(record.partition() + "@" + record.offset()));
		assertThat(published).as("records published").hasSameSizeAs(accepted);
		assertThat(onTheTopic).as("records published, by position").isEqualTo(accepted);
		assertThat(statuses.keySet()).as("statuses seen (seed %d): %s", seed, statuses).contains(202, 400);
		System.out.printf("random reports (seed %d): %d sent, by status %s%n", seed, REPORTS, statuses);
	}

	/** Each report is sent with its own agency's token, where it names a known one. */
	private static String agencyOf(String body) {
		java.util.regex.Matcher agency = java.util.regex.Pattern.compile("\"agency\":\"([A-Z_]+)\"").matcher(body);
		return (agency.find() && org.jointops.testsupport.Credentials.AGENCIES.contains(agency.group(1)))
				? agency.group(1) : "INTERIOR";
	}

	/** A valid report, then, two times in three, one to three mutations. */
	private static String body(Random random, int i) {
		Map<String, Object> report = validReport(random, i);
		int mutations = (random.nextInt(3) == 0) ? 0 : 1 + random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			mutate(random, report);
		}
		String json = JSON.writeValueAsString(report);
		if (mutations > 0 && random.nextInt(10) == 0) {
			return corrupt(random, json);
		}
		return json;
	}

	private static Map<String, Object> validReport(Random random, int i) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reportId", "KAZ-RANDOM-" + i);
		report.put("revision", 1 + random.nextInt(5));
		if (random.nextBoolean()) {
			report.put("state", "KAZ");
		}
		report.put("agency", AGENCIES[random.nextInt(AGENCIES.length - 1)]);
		report.put("operation", "ILLEGAL-2017");
		boolean second = random.nextBoolean();
		report.put("stage", second ? 2 : 1);
		report.put("periodStart", second ? "2017-09-25" : "2017-05-22");
		report.put("periodEnd", second ? "2017-10-06" : "2017-06-02");
		report.put("withdrawn", random.nextInt(10) == 0);
		List<Map<String, Object>> findings = new ArrayList<>();
		findings.add(line("IMMIGRATION_LAW_VIOLATIONS", BigDecimal.valueOf(random.nextInt(10_000)), null));
		if (random.nextBoolean()) {
			findings.add(line("FINES_IMPOSED", BigDecimal.valueOf(random.nextInt(10_000_000), 2), "USD"));
		}
		if (random.nextBoolean()) {
			findings.add(line("WANTED_PERSONS_DETAINED", BigDecimal.valueOf(random.nextInt(50)), null));
		}
		report.put("findings", findings);
		return report;
	}

	@SuppressWarnings("unchecked")
	private static void mutate(Random random, Map<String, Object> report) {
		List<Map<String, Object>> findings = (report.get("findings") instanceof List<?> list)
				? (List<Map<String, Object>>) list : null;
		List<String> fields = new ArrayList<>(report.keySet());
		switch (random.nextInt(10)) {
			case 0 -> report.remove(fields.get(random.nextInt(fields.size())));
			case 1 -> report.put(fields.get(random.nextInt(fields.size())), odd(random));
			case 2 -> report.put("unexpected" + random.nextInt(3), odd(random));
			case 3 -> report.put("stage", random.nextInt(6) - 1);
			case 4 -> report.put("periodEnd", "2017-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(19)));
			case 5 -> report.put("agency", AGENCIES[random.nextInt(AGENCIES.length)]);
			default -> {
				if (findings != null && !findings.isEmpty() && !(findings.get(0) == null)) {
					mutateFinding(random, findings);
				}
				else {
					report.put("revision", random.nextInt(3) - 1);
				}
			}
		}
	}

	private static void mutateFinding(Random random, List<Map<String, Object>> findings) {
		Map<String, Object> line = new LinkedHashMap<>(findings.get(random.nextInt(findings.size())));
		switch (random.nextInt(7)) {
			case 0 -> line.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
			case 1 -> line.put("quantity",
					new BigDecimal(random.nextInt(2_000_001) - 1_000_000).movePointLeft(random.nextInt(5)));
			case 2 -> line.put("quantity", new BigDecimal("1e" + (random.nextInt(800) - 400)));
			case 3 -> line.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
			case 4 -> line.remove("currency");
			case 5 -> line.put(random.nextBoolean() ? "quantity" : "category", odd(random));
			default -> findings.add(line); // the same line twice
		}
		findings.set(random.nextInt(findings.size()), line);
	}

	private static Object odd(Random random) {
		return ODD_VALUES[random.nextInt(ODD_VALUES.length)];
	}

	private static Map<String, Object> line(String category, BigDecimal quantity, String currency) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("category", category);
		line.put("quantity", quantity);
		if (currency != null) {
			line.put("currency", currency);
		}
		return line;
	}

	/** Breaks the JSON itself: a byte dropped, swapped or repeated. */
	private static String corrupt(Random random, String json) {
		StringBuilder text = new StringBuilder(json);
		int at = random.nextInt(text.length());
		switch (random.nextInt(3)) {
			case 0 -> text.deleteCharAt(at);
			case 1 -> text.setCharAt(at, "{}[],:\"\\x0".charAt(random.nextInt(10)));
			default -> text.insert(at, text.charAt(at));
		}
		return text.toString();
	}

	private static String shortened(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

}
