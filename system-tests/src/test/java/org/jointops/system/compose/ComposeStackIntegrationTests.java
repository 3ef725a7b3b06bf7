package org.jointops.system.compose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code docker-compose.yml} executed without Docker ({@link ComposeRunner} says what is
 * emulated and what is not): the setup step ({@code ./compose-setup}) makes the secrets,
 * every service the file declares runs as a process with the environment the file gives
 * it, in the order of its {@code depends_on} conditions (the brokers healthy, the
 * {@code kafka-access} job ended well), until every health check passes; then the
 * pipeline is checked over the file's own security: HTTPS with the setup's certificates
 * and tokens, SASL_SSL with its Kafka users and ACLs.
 */
class ComposeStackIntegrationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// under target/, kept after the run: the services' logs and health checks' output
	static Path directory = Path.of("target", "compose-stack").toAbsolutePath();

	static ComposeRunner stack;

	static Path secrets;

	static ComposeClient client;

	@BeforeAll
	static void setUpAndStartEveryService() throws Exception {
		long began = System.nanoTime();
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory);
		secrets = directory.resolve("secrets");
		client = ComposeClient.setUp(ROOT, secrets);
		ComposeFile file = ComposeFile.read(ROOT.resolve("docker-compose.yml"),
				Map.of("JOINTOPS_SECRETS", secrets.toString()));
		stack = new ComposeRunner(file, directory.resolve("run"),
				Map.of("state-producer", jar("jointops.jar.state-producer"), "aggregator",
						jar("jointops.jar.aggregator"), "kafka-node", jar("jointops.jar.kafka-node")),
				ROOT.resolve("deploy/HealthCheck.java"));
		stack.up(Duration.ofMinutes(6));
		System.out.println("compose stack up in " + Duration.ofNanos(System.nanoTime() - began));
	}

	@AfterAll
	static void stopEveryService() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aReportPostedOverHttpsWithAnAgencysSetupTokenCountsInTheAggregatorsTotals() {
		ComposeClient.Response accepted = https("producer-kaz", "POST", "/api/v1/reports",
				client.token("producer-kaz INTERIOR"),
				ReportJson.illegal2017("KAZ-COMPOSE-0001").count("IMMIGRATION_LAW_VIOLATIONS", 42).toJson());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String secretariat = client.token("aggregator reader secretariat");
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			List<Integer> counts = new ArrayList<>();
			for (String aggregator : List.of("aggregator-1", "aggregator-2")) {
				ComposeClient.Response totals = https(aggregator, "GET", "/api/v1/operations/ILLEGAL-2017/totals",
						secretariat, null);
				if (totals.status() == 200) {
					counts.add(JSON.readTree(totals.body()).at("/totals/0/byState/KAZ").asInt());
				}
			}
			assertThat(counts).isNotEmpty().containsOnly(42);
		});
	}

	@Test
	void anotherStatesTokenIsRefusedByAProducer() {
		ComposeClient.Response refused = https("producer-kaz", "POST", "/api/v1/reports",
				client.token("producer-arm INTERIOR"),
				ReportJson.illegal2017("KAZ-COMPOSE-0002").count("IMMIGRATION_LAW_VIOLATIONS", 1).toJson());
		assertThat(refused.status()).isEqualTo(401);
	}

	@Test
	void aTokenAddedToAProducersTokensFileIsAcceptedWithoutARestart() throws Exception {
		String token = "rotated-" + UUID.randomUUID();
		String report = ReportJson.illegal2017("KGZ-COMPOSE-0001").count("IMMIGRATION_LAW_VIOLATIONS", 7).toJson();
		assertThat(https("producer-kgz", "POST", "/api/v1/reports", token, report).status()).isEqualTo(401);
		// as an operator rotates a token: the new hash beside the old one, the file
		// written whole and moved into place
		Path file = secrets.resolve("tokens/producer-kgz/producer-kgz.properties");
		String hash = "sha256:" + HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		String rotated = Files.readString(file)
			.replaceFirst("(?m)^(jointops\\.agency-tokens\\.INTERIOR=.*)$", "$1," + hash);
		assertThat(rotated).contains(hash);
		Path next = file.resolveSibling("producer-kgz.properties.next");
		Files.writeString(next, rotated);
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		await("the new token accepted").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> https("producer-kgz", "POST", "/api/v1/reports", token, report).status() == 202);
		String another = ReportJson.illegal2017("KGZ-COMPOSE-0002").count("IMMIGRATION_LAW_VIOLATIONS", 1).toJson();
		assertThat(https("producer-kgz", "POST", "/api/v1/reports", client.token("producer-kgz INTERIOR"), another)
			.status()).as("the old token still accepted").isEqualTo(202);
	}

	@Test
	void aStatesKafkaUserCanUseItsOwnTopicButNotWriteAnotherStates() throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(ComposeRunner.FAST_JVM);
		command.addAll(List.of("-Xmx128m", "-Djdk.net.hosts.file=" + stack.hostsFile(), "-cp",
				System.getProperty("java.class.path"), ComposeProbe.class.getName(),
				"kafka-1:" + stack.port("kafka-1", 9092), "producer-arm",
				secrets.resolve("passwords/kafka-producer-arm").toString(),
				secrets.resolve("certs/truststore.p12").toString(),
				secrets.resolve("certs/truststore.password").toString(), "findings.arm", "findings.blr"));
		Path log = directory.resolve("probe.log");
		Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean ended = probe.waitFor(2, TimeUnit.MINUTES);
		if (!ended) {
			probe.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("the probe ended within 2 minutes: %s", output).isTrue();
		assertThat(output).contains("OWN findings.arm described: 3 partitions")
			.contains("OTHER findings.blr refused: TopicAuthorizationException");
	}

	@Test
	void theBrokersRefuseAPlaintextClient() {
		for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
			Properties plaintext = new Properties();
			plaintext.put("bootstrap.servers", "127.0.0.1:" + stack.port(broker, 9092));
			plaintext.put("default.api.timeout.ms", "4000");
			plaintext.put("request.timeout.ms", "2000");
			try (Admin admin = Admin.create(plaintext)) {
				// no answer in plaintext on the port where the probe above is answered
				// over
				// TLS (the client times out; a wrong address would fail otherwise)
				assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).as(broker)
					.isInstanceOfAny(ExecutionException.class, TimeoutException.class);
			}
		}
	}

	@Test
	void theAggregatorsApiRefusesACallWithoutAToken() {
		for (String aggregator : List.of("aggregator-1", "aggregator-2")) {
			assertThat(https(aggregator, "GET", "/api/v1/operations/ILLEGAL-2017/totals", null, null).status())
				.as(aggregator)
				.isEqualTo(401);
		}
	}

	@Test
	void healthShowsTheStatusOnlyToThePublic() {
		for (String service : List.of("aggregator-1", "aggregator-2", "producer-arm", "producer-tjk")) {
			ComposeClient.Response health = https(service, "GET", "/actuator/health", null, null);
			assertThat(health.status()).as(service).isEqualTo(200);
			// the status, and the names of the probe groups Spring Boot lists; no
			// component, no detail
			assertThat(JSON.readTree(health.body()).propertyNames()).as(health.body())
				.contains("status")
				.isSubsetOf("status", "groups");
		}
	}

	private static Path jar(String property) {
		String path = System.getProperty(property);
		assertThat(path).as("system property %s (system-tests/pom.xml)", property).isNotNull();
		return Path.of(path);
	}

	private static ComposeClient.Response https(String service, String method, String path, String token, String json) {
		return client.call(service, "127.0.0.1:" + stack.port(service, 8080), method, path, token, json);
	}

}
