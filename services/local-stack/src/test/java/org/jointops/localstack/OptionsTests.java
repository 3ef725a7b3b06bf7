package org.jointops.localstack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line of {@code ./local-stack}.
 */
class OptionsTests {

	@Test
	void takesValuesAfterAnEqualsSignOrAsTheNextArgument() {
		Options options = Options.parse(new String[] { "--demo", "--data-dir", "/tmp/a", "--kafka-port=19092" });

		assertThat(options.demo()).isTrue();
		assertThat(options.settings().dataDirectory()).isEqualTo(Path.of("/tmp/a"));
		assertThat(options.settings().kafkaPort()).isEqualTo(19092);
	}

	@Test
	void refusesAnUnknownOptionAPortThatIsNotANumberAndAMissingValueWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--verbose" }))
			.withMessageStartingWith("Unknown option --verbose")
			.withMessageContaining("Usage:");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--kafka-port=ninety" }))
			.withMessageStartingWith("--kafka-port needs a port number, not 'ninety'");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--data-dir" }))
			.withMessageStartingWith("Option --data-dir needs a value");
	}

}
