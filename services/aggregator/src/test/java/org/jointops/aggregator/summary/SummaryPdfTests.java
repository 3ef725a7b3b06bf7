package org.jointops.aggregator.summary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.Operation;
import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.money;

/**
 * The council summary as PDF: made from the same (well-formed) HTML as the page, A4, its
 * text in both languages as written, and its font embedded. Each PDF is also left in
 * {@code target/documents/} to look at.
 */
class SummaryPdfTests {

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	private static final Operation ILLEGAL_2017 = CATALOGUE.operation("ILLEGAL-2017").orElseThrow();

	/** Each language's PDF of the known summary, rendered once for all the tests. */
	private static final Map<SummaryLanguage, byte[]> RENDERED = new EnumMap<>(SummaryLanguage.class);

	@ParameterizedTest
	@EnumSource(SummaryLanguage.class)
	void theHtmlPagesAreWellFormedXml(SummaryLanguage language) {
		CouncilSummary summary = summary(language);

		for (String page : List.of(SummaryRenderer.html(summary), SummaryRenderer.printHtml(summary))) {
			assertThatNoException().isThrownBy(() -> DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(page.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		}
	}

	@Test
	void writesTheRussianSummaryOnA4WithItsNumberedFindingsAndTables() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(write(SummaryLanguage.RU))) {
			String text = text(pdf);

			PDRectangle a4 = pdf.getPage(0).getMediaBox();
			assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
			assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Illegal 2017: итоги операции");
			assertThat(squeezed(text)).contains("Illegal 2017: итоги операции")
				.contains("1. Выявлено 100 659 нарушений миграционного законодательства.")
				.contains("в том числе 117 — по фактам незаконного оборота наркотиков.")
				.contains("По государствам-членам")
				.contains("По этапам")
				.contains("Стр. 1 из " + pdf.getNumberOfPages());
		}
	}

	@Test
	void writesTheEnglishSummaryWithThePageNumberInTheFooter() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(write(SummaryLanguage.EN))) {
			String text = squeezed(text(pdf));

			assertThat(text).contains("Illegal 2017: results of the operation")
				.contains("1. 100,659 violations of immigration law were revealed.")
				.contains("By member state")
				.contains("Page 1 of " + pdf.getNumberOfPages());
		}
	}

	@Test
	void turnsThePagesToLandscapeWhenATableWouldNotFitUpright() throws IOException {
		List<ReportRevision> reports = new ArrayList<>();
		Map<String, String> currencies = Map.of("ARM", "AMD", "BLR", "BYN", "KAZ", "KZT", "KGZ", "KGS", "RUS", "RUB",
				"TJK", "TJS");
		currencies.forEach((state, currency) -> reports.add(illegal2017(state, state + "-1")
			.setFindings(List.of(count("IMMIGRATION_LAW_VIOLATIONS", 1234567),
					money("FINES_IMPOSED", "987654321.99", currency), money("FINES_IMPOSED", "12345678.50", "USD")))
			.build()));
		CouncilSummary wide = CouncilSummary.of(CouncilSummaryTests.totals(reports), ILLEGAL_2017, CATALOGUE,
				SummaryLanguage.RU, null);

		try (PDDocument pdf = Loader.loadPDF(write(wide, "summary-wide-ru.pdf"))) {
			PDRectangle page = pdf.getPage(0).getMediaBox();
			assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
			assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
			assertThat(squeezed(text(pdf)))
				.contains("наложено штрафов USD 12 345 678,50 12 345 678,50 12 345 678,50 12 345 678,50 12 345 678,50 "
						+ "12 345 678,50 74 074 071,00");
		}
		try (PDDocument pdf = Loader.loadPDF(write(SummaryLanguage.RU))) {
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).as("the usual tables fit upright")
				.isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
		}
	}

	@Test
	void embedsItsFontSoThatNoMachineFontIsNeeded() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(write(SummaryLanguage.RU))) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}

			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).as("a subset of DejaVu Sans").matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
			});
			assertThat(fonts).extracting(PDFont::getName).anyMatch((name) -> name.endsWith("DejaVuSans-Bold"));
		}
	}

	/**
	 * The text of a PDF in the order it is read on the page (list numbers before their
	 * items).
	 * @param pdf the PDF
	 * @return its text
	 */
	private static String text(PDDocument pdf) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper.getText(pdf);
	}

	private static byte[] write(SummaryLanguage language) throws IOException {
		byte[] pdf = RENDERED.get(language);
		if (pdf == null) {
			pdf = write(summary(language), "summary-" + language.code() + ".pdf");
			RENDERED.put(language, pdf);
		}
		return pdf;
	}

	private static byte[] write(CouncilSummary summary, String name) throws IOException {
		byte[] pdf = SummaryRenderer.pdf(summary);
		Path file = Path.of("target", "documents", name);
		Files.createDirectories(file.getParent());
		Files.write(file, pdf);
		return pdf;
	}

	private static CouncilSummary summary(SummaryLanguage language) {
		return CouncilSummary.of(CouncilSummaryTests.knownTotals(), ILLEGAL_2017, CATALOGUE, language, null);
	}

	/**
	 * Text as extracted, with each run of spaces (the no-break spaces of Russian numbers
	 * included) and line breaks as one space.
	 * @param text the text
	 * @return the text squeezed
	 */
	private static String squeezed(String text) {
		return text.replaceAll("[\\s\\u00a0]+", " ");
	}

}
