package org.jointops.support.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A tokens file is read again when it changes, without a restart; a bad edit keeps the
 * last good tokens and says so once in an ERROR; at start-up a bad file fails the start.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokensFileTests {

	private static final String HASH_A = TokenHashes.of("token-a");

	private static final String HASH_B = TokenHashes.of("token-b");

	@TempDir
	Path directory;

	@Test
	void withoutAFileTheTokensAreTheInlineConfigurationsOnly() {
		TokensFile<MonitoringTokens> tokens = new TokensFile<>(new TokensFileProperties(null, null),
				(file) -> MonitoringTokens.from(new MonitoringTokensProperties(List.of(HASH_A)), file));

		assertThat(tokens.current().authenticate("token-a")).isPresent();
		assertThat(tokens.current().authenticate("token-b")).isEmpty();
	}

	@Test
	void aTokenAddedToTheFileIsAcceptedAndARemovedOneRefusedWithoutARestart() throws IOException {
		Path file = write("jointops.monitoring-tokens=" + HASH_B + "\n");
		TokensFile<MonitoringTokens> tokens = monitoring(file);
		assertThat(tokens.current().authenticate("token-a")).as("inline").isPresent();
		assertThat(tokens.current().authenticate("token-b")).as("from the file").isPresent();
		assertThat(tokens.current().authenticate("token-c")).isEmpty();

		write("jointops.monitoring-tokens=" + HASH_B + "," + TokenHashes.of("token-c") + "\n");
		assertThat(tokens.current().authenticate("token-c")).as("added").isPresent();

		write("# token-b rotated out\njointops.monitoring-tokens=" + TokenHashes.of("token-c") + "\n");
		assertThat(tokens.current().authenticate("token-b")).as("removed").isEmpty();
		assertThat(tokens.current().authenticate("token-c")).isPresent();
		assertThat(tokens.current().authenticate("token-a")).as("inline, still").isPresent();
	}

	@Test
	void aBadEditKeepsTheLastGoodTokensAndIsLoggedOnceAsAnError(CapturedOutput output) throws IOException {
		Path file = write("jointops.monitoring-tokens=" + HASH_B + "\n");
		TokensFile<MonitoringTokens> tokens = monitoring(file);

		write("jointops.monitoring-tokens=token-c-itself\n");
		assertThat(tokens.current().authenticate("token-b")).as("the last good tokens").isPresent();
		assertThat(tokens.current().authenticate("token-c-itself")).isEmpty();
		write("jointops.monitoring-tokens=token-c-itself\njointops.monitoring-token=" + HASH_A + "\n");
		assertThat(tokens.current().authenticate("token-b")).isPresent();
		tokens.current();
		write("\n");
		assertThat(tokens.current().authenticate("token-b")).as("an empty file refused").isPresent();
		Files.delete(file);
		assertThat(tokens.current().authenticate("token-b")).as("the file gone").isPresent();

		assertThat(output).contains("ERROR")
			.contains("expected sha256:<64 hex digits>")
			.contains("jointops.monitoring-token: not a key of this service's tokens")
			.contains("cannot be read")
			.contains("the file is empty; write it whole and move it into place")
			.doesNotContain("token-c-itself");
		assertThat(output.toString().split("is refused", -1)).as("each bad version once").hasSize(4);

		write("jointops.monitoring-tokens=" + TokenHashes.of("token-c") + "\n");
		assertThat(tokens.current().authenticate("token-c")).as("good again").isPresent();
		assertThat(tokens.current().authenticate("token-b")).isEmpty();
	}

	@Test
	void aBadFileFailsTheStart() throws IOException {
		Path file = write("jointops.monitoring-tokens=not-a-hash\n");
		assertThatIllegalStateException().isThrownBy(() -> monitoring(file))
			.withMessageContaining("jointops.tokens-file " + file)
			.withMessageContaining("expected sha256:<64 hex digits>");
		assertThatIllegalStateException().isThrownBy(() -> monitoring(this.directory.resolve("missing.properties")))
			.withMessageContaining("missing.properties");
	}

	@Test
	void theFileIsLookedAtAtMostOncePerInterval() throws IOException {
		Path file = write("jointops.monitoring-tokens=" + HASH_B + "\n");
		TokensFile<MonitoringTokens> tokens = new TokensFile<>(new TokensFileProperties(file, Duration.ofHours(1)),
				(properties) -> MonitoringTokens.from(new MonitoringTokensProperties(List.of()), properties));

		write("jointops.monitoring-tokens=" + HASH_A + "\n");

		assertThat(tokens.current().authenticate("token-b")).as("not looked at again yet").isPresent();
	}

	@Test
	void aFilesKeysAreBoundAsTheConfigurationsAre() {
		Map<String, String> file = Map.of("jointops.monitoring-tokens[0]", HASH_A, "jointops.monitoring-tokens[1]",
				HASH_B);
		MonitoringTokens tokens = MonitoringTokens.from(new MonitoringTokensProperties(List.of()), file);
		assertThat(tokens.authenticate("token-a")).isPresent();
		assertThat(tokens.authenticate("token-b")).isPresent();
	}

	private TokensFile<MonitoringTokens> monitoring(Path file) {
		return new TokensFile<>(new TokensFileProperties(file, Duration.ZERO), (properties) -> {
			TokensFile.requireOnly(properties, MonitoringTokens.PROPERTY);
			return MonitoringTokens.from(new MonitoringTokensProperties(List.of(HASH_A)), properties);
		});
	}

	private Path write(String content) throws IOException {
		Path file = this.directory.resolve("tokens.properties");
		Files.writeString(file, content);
		return file;
	}

}
