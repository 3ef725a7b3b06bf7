package org.jointops.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container set-up, read: three brokers with SASL_SSL and ACLs, a producer per member
 * state on its port, two aggregators, every service with a health check, a memory limit
 * and conditions on what it waits for, data in volumes the images' user owns, no secret
 * in the files, the Schema Registry an authenticated overlay. (Running it:
 * {@code compose.ComposeStackIntegrationTests} without Docker, and
 * {@link ComposeIntegrationTests} on Docker.)
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("..");

	static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	static final Path SCHEMA_REGISTRY_OVERLAY = ROOT.resolve("docker-compose.schema-registry.yml");

	static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

	static Map<String, Map<String, Object>> services;

	static Map<String, Map<String, Object>> overlay;

	@BeforeAll
	static void readComposeFiles() throws IOException {
		services = services(COMPOSE_FILE);
		overlay = services(SCHEMA_REGISTRY_OVERLAY);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@Test
	void runsThreeCombinedBrokersWithThreeReplicasTwoInSyncSaslSslAndAnAuthorizer() {
		for (String broker : BROKERS) {
			Map<String, Object> environment = environment(services.get(broker));
			assertThat(services.get(broker).get("image")).isEqualTo("apache/kafka:4.2.1");
			assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
				.containsEntry("KAFKA_NODE_ID", String.valueOf(BROKERS.indexOf(broker) + 1))
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_ADVERTISED_LISTENERS", "SASL_SSL://" + broker + ":9092")
				.containsEntry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL")
				.containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "SASL_SSL")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
				.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
				.containsEntry("KAFKA_SUPER_USERS", "User:admin")
				.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
				.containsEntry("KAFKA_SSL_KEYSTORE_FILENAME", broker + ".p12");
			assertThat(environment.toString()).as("no plaintext listener").doesNotContain("PLAINTEXT");
			assertThat(services.get(broker).get("ports")).as("Kafka is not published").isNull();
		}
	}

	@Test
	void runsOneProducerPerMemberStateOnPorts8081To8086AndTwoAggregators() {
		List<MemberState> states = CatalogueLoader.bundled().states();
		for (int i = 0; i < states.size(); i++) {
			String state = states.get(i).code();
			Map<String, Object> producer = services.get("producer-" + state.toLowerCase());
			assertThat(producer).as("a producer for %s", state).isNotNull();
			assertThat(environment(producer)).containsEntry("JOINTOPS_STATE", state);
			assertThat(producer.get("ports")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactly((8081 + i) + ":8080");
		}
		for (String aggregator : List.of("aggregator-1", "aggregator-2")) {
			assertThat(environment(services.get(aggregator))).containsEntry("JOINTOPS_INSTANCES_EXPECTED", "2")
				.containsEntry("JOINTOPS_ADVERTISEDHOST", aggregator);
		}
		assertThat(services.get("aggregator-1").get("ports").toString()).isEqualTo("[8080:8080]");
		assertThat(services.get("aggregator-2").get("ports").toString()).isEqualTo("[8090:8080]");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAHealthCheckAMemoryLimitAndWaitsOnConditions() {
		services.forEach((name, service) -> {
			assertThat(service.get("mem_limit")).as("%s has a memory limit", name).isNotNull();
			Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
			assertThat(health).as("%s has a health check", name).isNotNull();
			if (name.equals("kafka-access")) {
				assertThat(health).as("the init job: others wait for its completion").containsEntry("disable", true);
			}
			else {
				assertThat((List<String>) health.get("test")).as(name).first().isEqualTo("CMD");
			}
			Object dependsOn = service.get("depends_on");
			if (!BROKERS.contains(name)) {
				assertThat(dependsOn).as("%s waits on conditions", name).isInstanceOf(Map.class);
				((Map<String, Map<String, String>>) dependsOn).forEach((dependency, condition) -> {
					assertThat(services).as(name).containsKey(dependency);
					assertThat(condition.get("condition")).as("%s -> %s", name, dependency)
						.isIn("service_healthy", "service_completed_successfully");
				});
			}
			if (name.startsWith("producer-") || name.startsWith("aggregator-")) {
				assertThat((Map<String, Map<String, String>>) dependsOn)
					.containsEntry("kafka-access", Map.of("condition", "service_completed_successfully"))
					.containsKeys(BROKERS.toArray(String[]::new));
			}
		});
	}

	@Test
	void everyJvmSizesItsHeapWithinItsContainersMemory() {
		services.forEach((name, service) -> {
			String options = BROKERS.contains(name) ? (String) environment(service).get("KAFKA_HEAP_OPTS")
					: (String) environment(service).get("JAVA_TOOL_OPTIONS");
			assertThat(options).as(name).isNotNull();
			Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
			assertThat(percentage.find()).as("%s: %s", name, options).isTrue();
			assertThat(Integer.parseInt(percentage.group(1))).as(name).isBetween(25, 75);
			assertThat(options).as(name).doesNotContain("-Xmx");
		});
	}

	@Test
	void keepsDataAndStateInVolumesTheImagesUserOwns() throws IOException {
		for (String broker : BROKERS) {
			assertThat(services.get(broker).get("volumes").toString()).contains(broker + "-data:/var/lib/kafka/data");
			assertThat(environment(services.get(broker))).containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data");
		}
		for (String aggregator : List.of("aggregator-1", "aggregator-2")) {
			assertThat(environment(services.get(aggregator))).containsEntry("SPRING_KAFKA_STREAMS_STATEDIR",
					"/var/lib/jointops/aggregator");
			assertThat(services.get(aggregator).get("volumes").toString())
				.contains(aggregator + "-state:/var/lib/jointops/aggregator");
		}
		// every mount point of the services built here exists in the image, owned by
		// 10001
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
		Matcher made = Pattern.compile("RUN mkdir -p ([^&]+)&& chown -R 10001 ([^\\n]+)").matcher(dockerfile);
		assertThat(made.find()).as("the Dockerfile makes the mount points and gives them to 10001").isTrue();
		List<String> created = List.of(made.group(1).replace("\\", " ").trim().split("\\s+"));
		List<String> owned = List.of(made.group(2).trim().split("\\s+"));
		assertThat(dockerfile).contains("USER 10001");
		services.forEach((name, service) -> {
			if (!String.valueOf(service.get("image")).startsWith("jointops/")) {
				return;
			}
			for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
				String target = volume.toString().replaceAll("\\$\\{[^}]*\\}", "").split(":")[1];
				assertThat(created).as("%s mounts %s", name, target).contains(target);
				assertThat(owned).as("%s mounts %s", name, target).anyMatch(target::startsWith);
			}
		});
	}

	@Test
	void commitsNoSecretAndTakesEveryOneFromTheSetupsDirectory() throws IOException {
		for (Path file : List.of(COMPOSE_FILE, SCHEMA_REGISTRY_OVERLAY)) {
			String text = Files.readString(file);
			assertThat(text).as(file.toString())
				.doesNotContainPattern("sha256:[0-9a-f]{16}")
				.doesNotContainPattern("(?i)password\\s*[=:]\\s*\\S")
				.doesNotContain("username=");
		}
		services.forEach((name, service) -> {
			for (Object envFile : (List<?>) service.getOrDefault("env_file", List.of())) {
				assertThat(envFile.toString()).as(name).startsWith("${JOINTOPS_SECRETS:-./deploy/secrets}/");
			}
		});
		assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("/deploy/secrets/");
		assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).as("never copied into an image")
			.contains("deploy/secrets");
	}

	@Test
	void theSchemaRegistryIsAnAuthenticatedOverlayNotPublished() {
		Map<String, Object> registry = overlay.get("schema-registry");
		assertThat(services).doesNotContainKey("schema-registry");
		assertThat(registry.get("ports")).as("not published on the host").isNull();
		assertThat(environment(registry)).containsEntry("SCHEMA_REGISTRY_AUTHENTICATION_METHOD", "BASIC")
			.containsEntry("SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL", "SASL_SSL")
			.containsEntry("SCHEMA_REGISTRY_LISTENERS", "https://0.0.0.0:8081");
		List<String> clients = new ArrayList<>(overlay.keySet());
		clients.remove("schema-registry");
		assertThat(clients).containsExactlyInAnyOrderElementsOf(
				services.keySet().stream().filter((name) -> name.matches("producer-.*|aggregator-.*")).toList());
		for (String name : clients) {
			JsonNode wire = JsonMapper.builder()
				.build()
				.readTree((String) environment(overlay.get(name)).get("SPRING_APPLICATION_JSON"))
				.at("/jointops/wire");
			assertThat(wire.path("serializer").asString()).as(name)
				.isEqualTo("io.confluent.kafka.serializers.KafkaAvroSerializer");
			assertThat(wire.path("deserializer").asString()).as(name)
				.isEqualTo("io.confluent.kafka.serializers.KafkaAvroDeserializer");
			assertThat(wire.at("/properties/schema.registry.url").asString()).as(name)
				.isEqualTo("https://schema-registry:8081");
			assertThat(wire.at("/properties/schema.registry.ssl.truststore.location").asString()).as(name)
				.isEqualTo("/etc/jointops/tls/truststore.p12");
			assertThat(wire.at("/properties/basic.auth.credentials.source").asString()).as(name).isEqualTo("USER_INFO");
			assertThat(overlay.get(name).get("env_file").toString()).as("its registry password")
				.contains("schema-registry-client.env");
		}
	}

	@Test
	void isAValidComposeFileForDockerCompose(@TempDir Path secrets) throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed here");
		for (String envFile : List.of("kafka", "aggregator-1", "aggregator-2", "producer-arm", "producer-blr",
				"producer-kaz", "producer-kgz", "producer-rus", "producer-tjk", "schema-registry",
				"schema-registry-client")) {
			Files.writeString(secrets.resolve(envFile + ".env"), "");
		}
		ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "-f",
				SCHEMA_REGISTRY_OVERLAY.toString(), "config", "--quiet")
			.redirectErrorStream(true);
		builder.environment().put("JOINTOPS_SECRETS", secrets.toString());
		Process process = builder.start();
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
