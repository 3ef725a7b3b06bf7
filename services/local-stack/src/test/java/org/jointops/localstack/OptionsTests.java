package org.jointops.localstack;

import java.nio.file.Path;
import java.util.List;

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
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--brokers=three" }))
			.withMessageStartingWith("--brokers needs a number, not 'three'");
	}

	@Test
	void runsPlaintextOnLoopbackUnlessAskedForTlsWithOneOption() {
		LocalStack.Settings plain = Options.parse(new String[0]).settings();
		assertThat(plain.tls()).isFalse();
		assertThat(plain.scheme()).isEqualTo("http");
		LocalStack.Settings tls = Options.parse(new String[] { "--tls", "--brokers=3" }).settings();
		assertThat(tls.tls()).isTrue();
		assertThat(tls.scheme()).isEqualTo("https");
		assertThat(tls.withShape(1, 1).tls()).as("kept through a change of shape").isTrue();
		assertThat(Options.USAGE).contains("--tls ");
	}

	@Test
	void runsOneBrokerAndOneAggregatorInOneJvmUnlessToldOtherwise() {
		LocalStack.Settings settings = Options.parse(new String[0]).settings();

		assertThat(settings.brokers()).isEqualTo(1);
		assertThat(settings.aggregators()).isEqualTo(1);
		assertThat(settings.separateProcesses()).isFalse();
	}

	@Test
	void takesBrokersAndAggregatorsAndNumbersTheInstancesPorts() {
		LocalStack.Settings settings = Options.parse(new String[] { "--brokers", "3", "--aggregators=3" }).settings();

		assertThat(settings.brokers()).isEqualTo(3);
		assertThat(settings.aggregators()).isEqualTo(3);
		assertThat(settings.separateProcesses()).isTrue();
		assertThat(List.of(settings.aggregatorPort(1), settings.aggregatorPort(2), settings.aggregatorPort(3)))
			.containsExactly(8080, 8090, 8091);
		assertThat(Options.parse(new String[] { "--aggregators=2" }).settings().separateProcesses()).isTrue();
	}

	@Test
	void refusesTwoBrokersSinceEveryTopicNeedsTwoInSyncOfThreeReplicas() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--brokers=2" }))
			.withMessageStartingWith("--brokers 2 is not a shape the stack runs")
			.withMessageContaining("three brokers")
			.withMessageContaining("Usage:");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--brokers=0" }))
			.withMessageStartingWith("--brokers must be 1, or 3 or more, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--aggregators=0" }))
			.withMessageStartingWith("--aggregators must be 1 or more, not 0");
	}

}
