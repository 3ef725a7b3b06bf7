package org.jointops.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jointops.system.compose.ComposeClient;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compose set, built and run on Docker with the Schema Registry overlay: a report
 * posted to a producer over HTTPS with a token of the setup step reaches the totals.
 * Skipped where there is no Docker engine (here: see
 * {@code compose.ComposeStackIntegrationTests}, which runs the file without one).
 */
class ComposeIntegrationTests {

	private static final Duration STARTUP = Duration.ofMinutes(15);

	static ComposeContainer compose;

	static ComposeClient client;

	@BeforeAll
	static void setUpAndStart() throws Exception {
		assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine");
		Path secrets = Files.createTempDirectory("compose-secrets");
		client = ComposeClient.setUp(ComposeFileTests.ROOT.toAbsolutePath().normalize(), secrets);
		compose = new ComposeContainer(new File(ComposeFileTests.COMPOSE_FILE.toString()),
				new File(ComposeFileTests.SCHEMA_REGISTRY_OVERLAY.toString()))
			.withBuild(true)
			.withEnv("JOINTOPS_SECRETS", secrets.toString())
			.withExposedService("aggregator-1", 8080, Wait.forHealthcheck().withStartupTimeout(STARTUP))
			.withExposedService("producer-kaz", 8080, Wait.forHealthcheck().withStartupTimeout(STARTUP));
		compose.start();
	}

	@Test
	void aReportPostedToAProducerReachesTheTotalsThroughTheSchemaRegistry() {
		ComposeClient.Response accepted = client.call("producer-kaz", address("producer-kaz"), "POST",
				"/api/v1/reports", client.token("producer-kaz INTERIOR"),
				ReportJson.illegal2017("KAZ-COMPOSE-0001").count("IMMIGRATION_LAW_VIOLATIONS", 42).toJson());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			ComposeClient.Response totals = client.call("aggregator-1", address("aggregator-1"), "GET",
					"/api/v1/operations/ILLEGAL-2017/totals", client.token("aggregator reader secretariat"), null);
			assertThat(JsonMapper.builder().build().readTree(totals.body()).at("/totals/0/byState/KAZ").asInt())
				.isEqualTo(42);
		});
	}

	private static String address(String service) {
		return compose.getServiceHost(service, 8080) + ":" + compose.getServicePort(service, 8080);
	}

}
