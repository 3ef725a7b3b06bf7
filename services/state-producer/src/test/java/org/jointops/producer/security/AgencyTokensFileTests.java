package org.jointops.producer.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.ingest.ReportController;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer's agencies' tokens in a tokens file ({@code jointops.tokens-file}), beside
 * the inline configuration's: a token added to the file is accepted without a restart, a
 * removed one refused, and a bad edit keeps the last good tokens.
 */
@WebMvcTest(controllers = ReportController.class,
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ",
				"jointops.tokens-file-check-interval=0s" })
@Import(ProducerWebSlice.class)
@ExtendWith(OutputCaptureExtension.class)
class AgencyTokensFileTests {

	private static final Path FILE = emptyFile();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReportOwners owners;

	@DynamicPropertySource
	static void tokensFile(DynamicPropertyRegistry registry) {
		registry.add("jointops.tokens-file", FILE::toString);
	}

	@BeforeEach
	void ownersRead() {
		this.owners.markReady();
	}

	@AfterAll
	static void removeTheFile() throws IOException {
		Files.deleteIfExists(FILE);
	}

	@Test
	void aTokenAddedToTheFileIsAcceptedWithoutARestartAndARemovedOneRefused() throws IOException {
		assertThat(post("file-token-customs", "CUSTOMS")).hasStatus(401);

		write("jointops.agency-tokens.CUSTOMS=" + Credentials.sha256("file-token-customs"));
		assertThat(post("file-token-customs", "CUSTOMS")).hasStatus(200);
		assertThat(post(Credentials.token("INTERIOR"), "INTERIOR")).as("the inline configuration's").hasStatus(200);

		write("jointops.agency-tokens.CUSTOMS=" + Credentials.sha256("file-token-customs-2"));
		assertThat(post("file-token-customs", "CUSTOMS")).as("removed").hasStatus(401);
		assertThat(post("file-token-customs-2", "CUSTOMS")).hasStatus(200);
	}

	@Test
	void aBadEditKeepsTheLastGoodTokensAndLogsAnError(CapturedOutput output) throws IOException {
		write("jointops.agency-tokens.MIGRATION=" + Credentials.sha256("file-token-migration"));
		assertThat(post("file-token-migration", "MIGRATION")).hasStatus(200);

		write("jointops.agency-tokens.MIGRATION=" + Credentials.sha256("file-token-migration-2") + "\n"
				+ "jointops.agency-tokens.NO_SUCH_AGENCY=" + Credentials.sha256("file-token-other"));

		assertThat(post("file-token-migration", "MIGRATION")).as("the last good tokens").hasStatus(200);
		assertThat(post("file-token-migration-2", "MIGRATION")).hasStatus(401);
		assertThat(output).contains("ERROR")
			.contains("jointops.agency-tokens.NO_SUCH_AGENCY: not an agency of the catalogue")
			.contains("the last good tokens stay in force");
	}

	private MvcTestResult post(String token, String agency) {
		return this.mvc.post()
			.uri("/api/v1/reports?dryRun=true")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ReportJson.illegal2017("KAZ-" + agency + "-2017-0001")
				.with("agency", agency)
				.count("IMMIGRATION_LAW_VIOLATIONS", 1)
				.toJson())
			.exchange();
	}

	private static void write(String content) throws IOException {
		Files.writeString(FILE, content + "\n");
	}

	private static Path emptyFile() {
		try {
			return Files.createTempFile("agency-tokens", ".properties");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
