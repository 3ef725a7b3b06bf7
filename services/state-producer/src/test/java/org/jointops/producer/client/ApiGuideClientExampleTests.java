package org.jointops.producer.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client example of the API guide ({@code docs/api-guide.md}) is
 * {@link ReportClient}, word for word, so that the example a ministry copies is the one
 * {@link ReportClientIntegrationTests} runs.
 */
class ApiGuideClientExampleTests {

	private static final Path SOURCE = Path.of("src/test/java/org/jointops/producer/client/ReportClient.java");

	private static final Path GUIDE = Path.of("../../docs/api-guide.md");

	@Test
	void theApiGuideQuotesTheTestedClientVerbatim() throws IOException {
		String source = Files.readString(SOURCE);
		String example = source.substring(source.indexOf("// tag::client[]\n") + "// tag::client[]\n".length(),
				source.indexOf("// end::client[]"));

		assertThat(example).contains("public final class ReportClient");
		assertThat(Files.readString(GUIDE)).as("docs/api-guide.md quotes ReportClient.java between its tag comments")
			.contains("```java\n" + example + "```\n");
	}

}
