package org.jointops.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.jointops.aggregator.topology.StateLayout;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.testsupport.Http;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrade in place: the local stack started on a data directory written by the previous
 * release, whose aggregator kept the previous state layout (fixture
 * {@code upgrade/from-layout-1}, made as its README says), rebuilds its state from the
 * findings topics without anyone deleting anything, and then answers what the previous
 * release answered: totals now, at two earlier instants and filtered, the reports behind
 * them now and at an earlier instant, and completeness. Versions are not compared (a new
 * application id counts them anew).
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeIntegrationTests {

	private static final String FIXTURE = "upgrade/from-layout-1/";

	private static final String BASE = KafkaUsers.AGGREGATOR_APPLICATION_ID;

	private static final List<String> OPERATIONS = List.of("ILLEGAL-DEMO", "KANAL-DEMO");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	@TempDir
	Path directory;

	@Test
	void aDataDirectoryOfThePreviousReleaseUpgradesInPlaceAndAnswersAsThatReleaseDid(CapturedOutput output)
			throws Exception {
		TarArchives.unpack(FIXTURE + "data.tar.gz", this.directory);
		Path data = this.directory.resolve("data");
		Properties instants = properties(FIXTURE + "expected/instants.properties");

		// start returns once every service is ready, the aggregator once it has caught
		// up:
		// from then on, every answer is complete, so none is waited for
		try (LocalStack stack = LocalStack.start(TestStacks.settings(data))) {
			String reader = stack.credentials().readerToken(AgencyCredentials.SECRETARIAT);
			for (Map.Entry<String, String> query : queries(instants).entrySet()) {
				Http.Response answer = Http.getWith(reader, stack.aggregatorUrl() + "/api/v1/" + query.getValue());
				assertThat(answer.status()).as(query.getValue()).isEqualTo(200);
				// what this release adds to an answer (US dollars, FINAL/PRELIMINARY
				// marks) is
				// left out: every field the previous release answered must be the same
				JsonNode expected = comparable(expected(query.getKey()));
				assertThat(fieldsOf(comparable(JSON.readTree(answer.body())), expected)).as(query.getValue())
					.isEqualTo(expected);
			}

			String current = StateLayout.applicationId(BASE);
			List<String> previousTopics = StateLayout.previousInternalTopics(BASE).stream().sorted().toList();
			assertThat(output).as("the upgrade and the catch-up, said once each")
				.contains("Upgrading to state layout " + StateLayout.GENERATION
						+ ": the aggregator rebuilds its state from the findings topics as application " + current)
				.contains("consumer groups [" + BASE + "], internal topics " + previousTopics
						+ ", local state directories [" + data.resolve("aggregator").resolve(BASE) + "]")
				.contains("Catching up with the findings topics: " + findingsRecords(stack)
						+ " records behind in the findings topics")
				.contains("Caught up with the findings topics");
			try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
				assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
					.as("nothing of the previous layout deleted")
					.containsAll(previousTopics);
				assertThat(
						admin.listConsumerGroupOffsets(BASE).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS))
					.isNotEmpty();
			}
			assertThat(data.resolve("aggregator").resolve(BASE)).isDirectory();
		}
	}

	/*
	 * What the fixture's script asked the previous release, by the file its answer is in.
	 */
	private static Map<String, String> queries(Properties instants) {
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("operations", "operations");
		for (String operation : OPERATIONS) {
			String base = "operations/" + operation;
			queries.put(operation + "-totals", base + "/totals");
			queries.put(operation + "-totals-KAZ-RUS-stage-1", base + "/totals?state=KAZ,RUS&stage=1");
			queries.put(operation + "-totals-after-demo", base + "/totals?asOf=" + instants.getProperty("afterDemo"));
			queries.put(operation + "-totals-after-kanal", base + "/totals?asOf=" + instants.getProperty("afterKanal"));
			queries.put(operation + "-reports", base + "/reports");
			queries.put(operation + "-reports-after-kanal",
					base + "/reports?asOf=" + instants.getProperty("afterKanal"));
			queries.put(operation + "-completeness", base + "/completeness");
		}
		return queries;
	}

	/*
	 * An answer without what may differ: versions (counted anew by the new application)
	 * and the instant a completeness answer was given; numbers by value, not by scale.
	 */
	/**
	 * An answer with only the object fields another has, at every depth.
	 * @param actual the answer
	 * @param template the answer whose fields are kept
	 * @return the answer restricted to them
	 */
	private static JsonNode fieldsOf(JsonNode actual, JsonNode template) {
		if (actual.isObject() && template.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			template.propertyNames().forEach((name) -> {
				if (actual.has(name)) {
					copy.set(name, fieldsOf(actual.get(name), template.get(name)));
				}
			});
			return copy;
		}
		if (actual.isArray() && template.isArray() && actual.size() == template.size()) {
			List<JsonNode> items = new ArrayList<>();
			for (int i = 0; i < actual.size(); i++) {
				items.add(fieldsOf(actual.get(i), template.get(i)));
			}
			return JsonNodeFactory.instance.arrayNode().addAll(items);
		}
		return actual;
	}

	private static JsonNode comparable(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((field) -> {
				if (!field.getKey().equals("version") && !field.getKey().equals("at")) {
					copy.set(field.getKey(), comparable(field.getValue()));
				}
			});
			return copy;
		}
		if (node.isArray()) {
			List<JsonNode> items = new ArrayList<>();
			node.forEach((item) -> items.add(comparable(item)));
			return JsonNodeFactory.instance.arrayNode().addAll(items);
		}
		if (node.isNumber()) {
			BigDecimal value = node.decimalValue().stripTrailingZeros();
			return JsonNodeFactory.instance.numberNode(value);
		}
		return node;
	}

	private static JsonNode expected(String name) {
		try (InputStream in = resource(FIXTURE + "expected/" + name + ".json")) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties properties(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource(name)) {
			properties.load(in);
		}
		return properties;
	}

	private static InputStream resource(String name) {
		InputStream in = UpgradeIntegrationTests.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalArgumentException("No resource " + name);
		}
		return in;
	}

	/*
	 * The records the findings topics hold, as the broker tells.
	 */
	private static long findingsRecords(LocalStack stack) throws Exception {
		try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
			List<String> findings = admin.listTopics()
				.names()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.filter((topic) -> Topics.FINDINGS_PATTERN.matcher(topic).matches())
				.toList();
			Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(findings)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.flatMap((TopicDescription topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
			return admin.listOffsets(partitions)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
	}

}
