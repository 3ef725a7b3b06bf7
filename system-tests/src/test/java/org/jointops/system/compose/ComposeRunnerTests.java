package org.jointops.system.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A compose file that would not work fails its run: a service that cannot start, a health
 * check that keeps failing, a dependency that cannot hold, a missing {@code env_file}.
 * (Small files of shell commands; {@link ComposeStackIntegrationTests} runs the real
 * one.)
 */
class ComposeRunnerTests {

	private static final Path HEALTH_CHECK = Path.of("..", "deploy", "HealthCheck.java");

	@TempDir
	Path directory;

	@Test
	void aServiceThatEndsWhenItShouldRunFailsTheRun() throws IOException {
		ComposeFile file = file("""
				services:
				  broken:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    entrypoint: ["sh", "-c"]
				    command: ["echo cannot start; exit 3"]
				""");
		try (ComposeRunner runner = runner(file)) {
			assertThatIllegalStateException().isThrownBy(() -> runner.up(Duration.ofMinutes(1)))
				.withMessageContaining("broken ended with exit code 3")
				.withMessageContaining("cannot start");
		}
	}

	@Test
	void aHealthCheckThatKeepsFailingFailsTheRunAfterTheFilesPatience() throws IOException {
		ComposeFile file = file("""
				services:
				  sick:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    entrypoint: ["sh", "-c"]
				    command: ["sleep 60"]
				    healthcheck:
				      test: ["CMD", "sh", "-c", "exit 1"]
				      interval: 1s
				      retries: 2
				""");
		try (ComposeRunner runner = runner(file)) {
			assertThatIllegalStateException().isThrownBy(() -> runner.up(Duration.ofMinutes(1)))
				.withMessageContaining("sick is unhealthy");
		}
	}

	@Test
	void aServiceWaitsForItsDependencysHealthAndForTheJobsSuccess() throws IOException {
		ComposeFile file = file("""
				services:
				  app:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    entrypoint: ["sh", "-c"]
				    command: ["test -f $$MARK && sleep 60"]
				    environment:
				      MARK: /data/job-done
				    volumes: ["shared:/data"]
				    depends_on:
				      db: { condition: service_healthy }
				      job: { condition: service_completed_successfully }
				  job:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    entrypoint: ["sh", "-c"]
				    command: ["touch /data/job-done"]
				    volumes: ["shared:/data"]
				  db:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    entrypoint: ["sh", "-c"]
				    command: ["sleep 60"]
				    healthcheck:
				      test: ["CMD", "sh", "-c", "true"]
				      interval: 1s
				volumes:
				  shared:
				""");
		try (ComposeRunner runner = runner(file)) {
			runner.up(Duration.ofMinutes(1));
			assertThat(runner.volumeDirectory("shared").resolve("job-done")).exists();
		}
	}

	@Test
	void aDependencyThatCannotHoldFailsTheRunBeforeAnythingStarts() throws IOException {
		ComposeFile unknown = file("""
				services:
				  app:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    depends_on:
				      kafka: { condition: service_healthy }
				""");
		try (ComposeRunner runner = runner(unknown)) {
			assertThatIllegalStateException().isThrownBy(() -> runner.up(Duration.ofMinutes(1)))
				.withMessageContaining("app depends on kafka, which is no service");
		}
		ComposeFile unhealthy = file("""
				services:
				  app:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    depends_on:
				      db: { condition: service_healthy }
				  db:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				""");
		try (ComposeRunner runner = runner(unhealthy)) {
			assertThatIllegalStateException().isThrownBy(() -> runner.up(Duration.ofMinutes(1)))
				.withMessageContaining("app waits for db to be healthy, but it has no health check");
		}
	}

	@Test
	void aMissingEnvFileFailsAsComposeDoes() throws IOException {
		assertThatIllegalStateException().isThrownBy(() -> file("""
				services:
				  app:
				    image: jointops/kafka-access:0.1.0-SNAPSHOT
				    env_file: ["${SECRETS:-./nowhere}/app.env"]
				""")).withMessageContaining("nowhere/app.env does not exist");
	}

	@Test
	void interpolatesVariablesWithDefaultsAndEscapedDollars() {
		Map<String, String> variables = Map.of("SET", "value", "EMPTY", "");
		assertThat(
				ComposeFile.interpolate("${SET}/${UNSET:-default}/${EMPTY:-fallback}/${EMPTY-kept}/$$HOME", variables))
			.isEqualTo("value/default/fallback//$HOME");
	}

	private ComposeFile file(String yaml) throws IOException {
		Path file = this.directory.resolve("compose-" + System.nanoTime() + ".yml");
		Files.writeString(file, yaml);
		return ComposeFile.read(file, Map.of());
	}

	private ComposeRunner runner(ComposeFile file) {
		return new ComposeRunner(file, this.directory.resolve("run-" + System.nanoTime()),
				Map.of("kafka-node", Path.of("kafka-node.jar")), HEALTH_CHECK);
	}

}
