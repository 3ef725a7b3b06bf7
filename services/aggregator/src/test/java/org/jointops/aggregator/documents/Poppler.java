package org.jointops.aggregator.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's poppler-utils as a test sees a PDF: its first page as a PNG image
 * ({@code pdftoppm}) and as text ({@code pdftotext}). A test without them is skipped on a
 * developer's machine and fails in CI ({@code CI=true}; {@code .ci/run} installs them).
 */
public final class Poppler {

	private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");

	private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

	private Poppler() {
	}

	/**
	 * Skips the calling test without poppler-utils, or fails it in CI.
	 */
	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(PDFTOPPM) && Files.isExecutable(PDFTOTEXT);
		if (!installed) {
			assertThat("true".equals(System.getenv("CI")))
				.as("CI must have %s and %s (apt-get install poppler-utils; .ci/run does it)", PDFTOPPM, PDFTOTEXT)
				.isFalse();
			Assumptions.abort("No " + PDFTOPPM + " or " + PDFTOTEXT + " (poppler-utils): the PDF is not rendered");
		}
	}

	/**
	 * Renders the first page of a PDF as a PNG image next to it.
	 * @param pdf the PDF file
	 * @param dpi the resolution
	 * @return the image file
	 */
	public static Path firstPageAsPng(Path pdf, int dpi) {
		Path prefix = pdf.resolveSibling(pdf.getFileName().toString().replace(".pdf", "-page"));
		run(PDFTOPPM.toString(), "-f", "1", "-l", "1", "-singlefile", "-r", String.valueOf(dpi), "-png", pdf.toString(),
				prefix.toString());
		return prefix.resolveSibling(prefix.getFileName() + ".png");
	}

	/**
	 * The text of the first page of a PDF, laid out as on the page.
	 * @param pdf the PDF file
	 * @return the text
	 */
	public static String firstPageText(Path pdf) {
		return run(PDFTOTEXT.toString(), "-f", "1", "-l", "1", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
	}

	private static String run(String... command) {
		List<String> line = new ArrayList<>(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s ends", line).isTrue();
			String text = new String(output, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("%s: %s", line, text).isZero();
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
