package org.jointops.kafkanode.tls;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jointops-certs}: the files it makes, what a second run keeps, and the command
 * lines it refuses.
 */
class CertificateCommandTests {

	@TempDir
	Path directory;

	@Test
	void helpNamesEveryOptionAndFileAndSucceeds() {
		Result result = run("--help");
		assertThat(result.code()).isZero();
		assertThat(result.out()).contains("--out <dir>", "--hosts <list>", "--also <list>", "ca.crt", "truststore.p12",
				"<host>.p12, <host>.password");
	}

	@Test
	void aRunMakesTheCaTheTrustStoreAndAStoreForEachHost() {
		Path out = this.directory.resolve("certs");
		Result result = run("--out", out.toString(), "--hosts", "kafka-1,kafka-2", "--also", "localhost,127.0.0.1");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(out.resolve("ca.crt")).exists();
		assertThat(out.resolve("ca.p12")).exists();
		assertThat(out.resolve("ca.password")).exists();
		assertThat(out.resolve("truststore.p12")).exists();
		assertThat(out.resolve("truststore.password")).exists();
		assertThat(out.resolve("kafka-1.p12")).exists();
		assertThat(out.resolve("kafka-2.password")).exists();
		assertThat(result.out()).contains("kafka-1.p12 (made)", "kafka-2.p12 (made)");
	}

	@Test
	void aSecondRunKeepsTheHostsItHasAndAddsTheNewOnes() throws Exception {
		Path out = this.directory.resolve("certs");
		assertThat(run("--out", out.toString(), "--hosts", "kafka-1").code()).isZero();
		byte[] kept = Files.readAllBytes(out.resolve("kafka-1.p12"));

		Result second = run("--out", out.toString(), "--hosts", "kafka-1,aggregator-1");

		assertThat(second.code()).isZero();
		assertThat(second.out()).contains("kafka-1.p12 (kept)", "aggregator-1.p12 (made)");
		assertThat(out.resolve("kafka-1.p12")).hasBinaryContent(kept);
	}

	@Test
	void aCommandLineWithoutOutIsAUsageError() {
		Result result = run("--hosts", "kafka-1");
		assertThat(result.code()).isEqualTo(CertificateCommand.USAGE);
		assertThat(result.err()).startsWith("jointops-certs: --out <dir> is required");
	}

	@Test
	void aHostThatIsNoHostNameIsAUsageErrorAndMakesNothing() {
		Path out = this.directory.resolve("certs");
		Result result = run("--out", out.toString(), "--hosts", "kafka-1,kafka 2");
		assertThat(result.code()).isEqualTo(CertificateCommand.USAGE);
		assertThat(result.err()).startsWith("jointops-certs: not a host name or IP address: 'kafka 2'");
		assertThat(out).doesNotExist();
	}

	@Test
	void anUnknownOptionIsAUsageError() {
		Result result = run("--out", this.directory.toString(), "--days", "3");
		assertThat(result.code()).isEqualTo(CertificateCommand.USAGE);
		assertThat(result.err()).startsWith("jointops-certs: unknown option '--days'");
	}

	@Test
	void aCaWhosePasswordIsMissingFailsWithTheReason() throws Exception {
		assertThat(run("--out", this.directory.toString()).code()).isZero();
		Files.delete(this.directory.resolve("ca.password"));
		Result result = run("--out", this.directory.toString(), "--hosts", "kafka-1");
		assertThat(result.code()).isEqualTo(CertificateCommand.FAILED);
		assertThat(result.err()).contains("ca.p12 is there but its password").contains("ca.password is not");
	}

	private static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CertificateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int code, String out, String err) {
	}

}
