package org.jointops.aggregator.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.http.MediaType;

/**
 * Renders a page of XHTML as PDF with openhtmltopdf, in the bundled font {@value #FONT},
 * which is embedded (subset) in every PDF: Latin and Cyrillic come out the same on any
 * machine, whatever fonts it has. The page gives its own paper size and margins
 * ({@code @page}) and must name the font in its CSS.
 */
public final class PdfDocuments {

	/** The media type of the documents. */
	public static final MediaType PDF = MediaType.APPLICATION_PDF;

	/** The font family the pages name: DejaVu Sans, regular and bold. */
	public static final String FONT = "DejaVu Sans";

	private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

	private static final byte[] REGULAR = font("DejaVuSans.ttf");

	private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

	private PdfDocuments() {
	}

	/**
	 * A PDF of a page.
	 * @param xhtml the page, well-formed XML (as XHTML), its CSS naming {@value #FONT}
	 * @return the PDF
	 */
	public static byte[] fromXhtml(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true);
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] font(String name) {
		try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(FONTS + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing font " + FONTS + name + " (jasperreports-fonts)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
