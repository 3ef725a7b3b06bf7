package org.jointops.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container set-up says what the docs say: one producer per member state on its port,
 * the aggregator on 8080, the Schema Registry wire format chosen by configuration alone,
 * data in volumes. (Running it needs Docker: see {@link ComposeIntegrationTests}.)
 */
class ComposeFileTests {

	static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

	static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
			Map<String, Object> compose = new Yaml().load(reader);
			services = (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@Test
	void runsOneProducerPerMemberStateOnPorts8081To8086InAlphabeticalOrder() {
		List<MemberState> states = CatalogueLoader.bundled().states();
		for (int i = 0; i < states.size(); i++) {
			String state = states.get(i).code();
			Map<String, Object> producer = services.get("producer-" + state.toLowerCase());
			assertThat(producer).as("a producer for %s", state).isNotNull();
			assertThat(environment(producer)).containsEntry("JOINTOPS_STATE", state);
			assertThat(producer.get("ports")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactly((8081 + i) + ":8080");
		}
		assertThat(services.get("aggregator").get("ports"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("8080:8080");
	}

	@Test
	void choosesTheSchemaRegistryWireFormatByConfigurationOnly() {
		List<String> services = new ArrayList<>(ComposeFileTests.services.keySet());
		services.removeIf((name) -> !name.startsWith("producer-") && !name.equals("aggregator"));
		assertThat(services).hasSize(7);
		for (String name : services) {
			JsonNode wire = JsonMapper.builder()
				.build()
				.readTree((String) environment(ComposeFileTests.services.get(name)).get("SPRING_APPLICATION_JSON"))
				.at("/jointops/wire");
			assertThat(wire.path("serializer").asString()).as(name)
				.isEqualTo("io.confluent.kafka.serializers.KafkaAvroSerializer");
			assertThat(wire.path("deserializer").asString()).as(name)
				.isEqualTo("io.confluent.kafka.serializers.KafkaAvroDeserializer");
			assertThat(wire.at("/properties/schema.registry.url").asString()).as(name)
				.isEqualTo("http://schema-registry:8081");
			assertThat(wire.at("/properties/specific.avro.reader").asString()).as(name).isEqualTo("true");
		}
	}

	@Test
	void keepsKafkaDataAndAggregatorStateInVolumes() {
		assertThat(services.get("kafka").get("volumes").toString()).contains("kafka-data:/var/lib/kafka/data");
		assertThat(environment(services.get("kafka"))).as("the topics' data in the volume, not the image's /tmp")
			.containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data");
		Map<String, Object> aggregator = services.get("aggregator");
		assertThat(environment(aggregator)).containsEntry("SPRING_KAFKA_STREAMS_STATE_DIR",
				"/var/lib/jointops/aggregator");
		assertThat(aggregator.get("volumes").toString()).contains("aggregator-state:/var/lib/jointops/aggregator");
	}

	@Test
	void isAValidComposeFileForDockerCompose() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed here");
		Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "--quiet")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

}
