package org.jointops.kafkanode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's command refuses a wrong command line, and a password it cannot use,
 * before it connects to anything (the bootstrap address below answers nobody).
 */
class KafkaAccessCommandTests {

	private static final String NOWHERE = "127.0.0.1:1";

	@TempDir
	Path directory;

	@Test
	void helpPrintsEveryCommandAndSucceeds() {
		Result result = run("--help");
		assertThat(result.code()).isZero();
		assertThat(result.out()).contains("producer --state <CODE> --password-file <file|->", "aggregator ", "list ",
				"remove-producer --state <CODE>", "Exit codes: 0 done, 1 failed");
	}

	@Test
	void aCommandLineWithoutACommandIsAUsageError() {
		Result result = run("--bootstrap-server", NOWHERE);
		assertThat(result.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(result.err()).startsWith("kafka-access: no command (producer, aggregator, list or remove-producer)");
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		Result result = run("grant", "--bootstrap-server", NOWHERE);
		assertThat(result.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(result.err()).startsWith("kafka-access: unknown command 'grant'");
	}

	@Test
	void aStateCodeThatIsNotAnIsoAlpha3CodeIsAUsageErrorWithItsReason() {
		Result result = run("producer", "--state", "KZ1", "--password-file", "-", "--bootstrap-server", NOWHERE);
		assertThat(result.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(result.err()).startsWith("kafka-access: Not an ISO 3166-1 alpha-3 state code: 'KZ1'");
		assertThat(run("remove-producer", "--state", "findings.kaz", "--bootstrap-server", NOWHERE).code())
			.isEqualTo(KafkaAccessCommand.USAGE);
	}

	@Test
	void aPasswordOnTheCommandLineIsRefusedBecauseItWouldShowInTheProcessList() {
		Result result = run("producer", "--state", "KAZ", "--password", "secret", "--bootstrap-server", NOWHERE);
		assertThat(result.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(result.err()).contains("--password is not an option", "--password-file").doesNotContain("secret");
	}

	@Test
	void aCommandWithoutARequiredOptionIsAUsageError() {
		assertThat(run("producer", "--password-file", "-", "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: 'producer' needs --state");
		assertThat(run("producer", "--state", "KAZ", "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: 'producer' needs --password-file");
		Result result = run("list");
		assertThat(result.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(result.err()).startsWith("kafka-access: 'list' needs --bootstrap-server");
	}

	@Test
	void anOptionOfAnotherCommandOrGivenTwiceIsAUsageError() {
		assertThat(run("list", "--state", "KAZ", "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: 'list' takes no option --state");
		assertThat(run("remove-producer", "--state", "KAZ", "--state", "RUS", "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: --state is given twice");
	}

	@Test
	void aPasswordFileThatCannotBeReadOrHoldsNoSinglePasswordFailsWithItsReason() throws IOException {
		Result missing = run("producer", "--state", "KAZ", "--password-file", this.directory.resolve("none").toString(),
				"--bootstrap-server", NOWHERE);
		assertThat(missing.code()).isEqualTo(KafkaAccessCommand.FAILED);
		assertThat(missing.err()).startsWith("kafka-access: cannot read the password file ")
			.contains("NoSuchFileException");
		assertThat(missing.err().lines()).hasSize(1);

		Path empty = Files.writeString(this.directory.resolve("empty"), "\n");
		assertThat(run("aggregator", "--password-file", empty.toString(), "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: the password file " + empty + " holds no password");

		Path twoLines = Files.writeString(this.directory.resolve("two"), "one\ntwo\n");
		assertThat(run("aggregator", "--password-file", twoLines.toString(), "--bootstrap-server", NOWHERE).err())
			.startsWith("kafka-access: the password file " + twoLines + " holds more than one line");

		Result quoted = runWithInput("\"quoted\"\n", "aggregator", "--password-file", "-", "--bootstrap-server",
				NOWHERE);
		assertThat(quoted.code()).isEqualTo(KafkaAccessCommand.FAILED);
		assertThat(quoted.err()).startsWith("kafka-access: a Kafka password may not contain \" or \\");
	}

	private static Result run(String... args) {
		return runWithInput("", args);
	}

	private static Result runWithInput(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = KafkaAccessCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int code, String out, String err) {
	}

}
