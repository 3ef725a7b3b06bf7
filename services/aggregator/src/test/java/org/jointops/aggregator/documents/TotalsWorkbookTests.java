package org.jointops.aggregator.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.query.DrivenLedgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.ledger.OperationLedger;
import org.jointops.register.ExchangeRate;
import org.jointops.register.FigureStatus;
import org.jointops.register.RateKind;
import org.jointops.register.RegisterDocument;
import org.jointops.register.SubmissionStatus;
import org.jointops.register.Transition;
import org.jointops.register.TransitionAction;
import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.kilograms;
import static org.jointops.testsupport.Reports.money;

/**
 * The totals workbook, opened again with POI: its header block, one row per line with
 * numeric cells in the unit's format, and the frozen heading row. The first workbook is
 * also left in {@code target/documents/} to look at.
 */
class TotalsWorkbookTests {

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	private static final Instant STANDS_AT = Instant.parse("2026-06-27T09:30:00Z");

	@Test
	void writesOneRowPerLineWithExactNumbersInTheUnitsFormat() throws IOException {
		byte[] bytes = TotalsWorkbook.of(kanalTotals(null), CATALOGUE);
		Files.write(Files.createDirectories(Path.of("target", "documents")).resolve("KANAL-DEMO-totals.xlsx"), bytes);
		try (Workbook workbook = open(bytes)) {
			Sheet sheet = workbook.getSheet(TotalsWorkbook.SHEET);

			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(texts(sheet.getRow(TotalsWorkbook.HEADINGS))).containsExactly("Category", "Name", "Unit",
					"Currency", "Total", "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "Stage 1");
			Row drugs = sheet.getRow(TotalsWorkbook.HEADINGS + 1);
			assertThat(texts(drugs).subList(0, 3)).containsExactly("DRUGS_SEIZED", "drugs seized", "KILOGRAM");
			assertThat(drugs.getCell(3)).as("no currency").isNull();
			assertFigure(drugs.getCell(4), 12.625, "0.000");
			assertFigure(drugs.getCell(7), 12.5, "0.000");
			assertFigure(drugs.getCell(9), 0.125, "0.000");
			assertThat(drugs.getCell(5)).as("Armenia reported nothing: blank, not 0").isNull();
			assertFigure(drugs.getCell(11), 12.625, "0.000");
			Row laboratories = sheet.getRow(TotalsWorkbook.HEADINGS + 2);
			assertThat(laboratories.getCell(0).getStringCellValue()).isEqualTo("LABORATORIES_SHUT_DOWN");
			assertFigure(laboratories.getCell(4), 3, "0");
			Row assets = sheet.getRow(TotalsWorkbook.HEADINGS + 3);
			assertThat(texts(assets).subList(0, 4)).containsExactly("CRIMINAL_ASSETS_SEIZED", "criminal assets seized",
					"MONEY", "KZT");
			assertFigure(assets.getCell(4), 95400000.55, "0.00");
			assertThat(sheet.getRow(TotalsWorkbook.HEADINGS + 4)).as("three lines").isNull();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
				.isEqualTo((short) (TotalsWorkbook.HEADINGS + 1));
		}
	}

	@Test
	void headsTheSheetWithTheOperationItsVersionAndTheTimeTheFiguresStandAt() throws IOException {
		Instant asOf = Instant.parse("2026-06-28T00:00:00Z");
		try (Workbook workbook = open(TotalsWorkbook.of(kanalTotals(asOf), CATALOGUE))) {
			Sheet sheet = workbook.getSheet(TotalsWorkbook.SHEET);

			assertThat(texts(sheet.getRow(0))).containsExactly("Operation", "KANAL-DEMO",
					"Kanal, synthetic demonstration data");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Figures as of");
			assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.parse("2026-06-28T00:00:00"));
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getDataFormatString())
				.isEqualTo("yyyy-mm-dd hh:mm:ss \"UTC\"");
			assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).as("reports").isEqualTo(2);
		}
		try (Workbook workbook = open(TotalsWorkbook.of(kanalTotals(null), CATALOGUE))) {
			assertThat(workbook.getSheet(TotalsWorkbook.SHEET).getRow(2).getCell(1).getLocalDateTimeCellValue())
				.as("without asOf: the latest change")
				.isEqualTo(LocalDateTime.parse("2026-06-27T09:30:00"));
		}
	}

	@Test
	void namesTheFileAfterTheOperationAndThePublication() {
		assertThat(TotalsWorkbook.fileName(kanalTotals(null))).isEqualTo("KANAL-DEMO-totals.xlsx");
		assertThat(TotalsWorkbook.fileName(publishedKanalTotals())).isEqualTo("KANAL-DEMO-publication-2-totals.xlsx");
	}

	@Test
	void writesThePublicationItsStatusTheUsDollarLinesAndTheMarks() throws IOException {
		byte[] bytes = TotalsWorkbook.of(publishedKanalTotals(), CATALOGUE);
		Files.write(
				Files.createDirectories(Path.of("target", "documents")).resolve("KANAL-DEMO-publication-2-totals.xlsx"),
				bytes);
		try (Workbook workbook = open(bytes)) {
			Sheet sheet = workbook.getSheet(TotalsWorkbook.SHEET);

			assertThat(texts(sheet.getRow(4))).containsExactly("Status", "PRELIMINARY");
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Publication");
			assertThat(sheet.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(sheet.getRow(5).getCell(2).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.parse("2026-06-30T10:00:00"));
			Row usd = sheet.getRow(TotalsWorkbook.HEADINGS + 4);
			assertThat(texts(usd).subList(0, 4)).containsExactly("CRIMINAL_ASSETS_SEIZED",
					"criminal assets seized in US dollars", "MONEY", "USD");
			// 95,400,000.55 KZT at 450.25 per US dollar: 211,882.29 (half-even to cents)
			assertFigure(usd.getCell(4), 211882.29, "0.00");
			assertFigure(usd.getCell(11), 211882.29, "0.00");
			Row marks = sheet.getRow(TotalsWorkbook.HEADINGS + 5);
			assertThat(texts(marks)).containsExactly("Status", "PRELIMINARY", "PRELIMINARY", "PRELIMINARY", "FINAL",
					"PRELIMINARY", "PRELIMINARY", "PRELIMINARY", "PRELIMINARY");
			assertThat(marks.getCell(7).getStringCellValue()).as("KAZ: its one stage accepted").isEqualTo("FINAL");
		}
	}

	@Test
	void leavesTheUsDollarTotalBlankAndNamesTheMissingRate() throws IOException {
		RegisterDocument noRate = RegisterDocument.empty("KANAL-DEMO");
		try (Workbook workbook = open(TotalsWorkbook.of(kanalTotalsUnder(noRate), CATALOGUE))) {
			Row usd = workbook.getSheet(TotalsWorkbook.SHEET).getRow(TotalsWorkbook.HEADINGS + 4);
			assertThat(usd.getCell(3).getStringCellValue()).isEqualTo("USD");
			assertThat(usd.getCell(4)).as("no total while a rate is missing").isNull();
			assertThat(usd.getCell(12).getStringCellValue()).isEqualTo("incomplete: no rate for KZT in stage 1");
		}
	}

	@Test
	void writesTheTableHeadingsForTotalsWithoutReports() throws IOException {
		OperationLedger empty = Ledgers.empty();
		empty.setOperation("ILLEGAL-2017");
		OperationTotalsView none = OperationTotalsView.of(Ledgers.councilTotals(empty, CATALOGUE), "Illegal 2017",
				null);
		try (Workbook workbook = open(TotalsWorkbook.of(none, CATALOGUE))) {
			Sheet sheet = workbook.getSheet(TotalsWorkbook.SHEET);
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("no reports yet");
			assertThat(texts(sheet.getRow(TotalsWorkbook.HEADINGS))).containsExactly("Category", "Name", "Unit",
					"Currency", "Total", "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "Stage 1", "Stage 2");
			assertThat(sheet.getRow(TotalsWorkbook.HEADINGS + 1)).isNull();
		}
	}

	/**
	 * KANAL-DEMO's totals as publication 2 published them: the KZT rate set, KAZ's stage
	 * accepted.
	 */
	private static OperationTotalsView publishedKanalTotals() {
		RegisterDocument register = RegisterDocument.empty("KANAL-DEMO")
			.withRate(new ExchangeRate(1, "KZT", new BigDecimal("450.25"), RateKind.PERIOD_AVERAGE,
					"UN operational rate, June 2026", LocalDate.parse("2026-06-01"), STANDS_AT, "secretariat"))
			.withTransition(new Transition(1, "KAZ", TransitionAction.SUBMIT, SubmissionStatus.SUBMITTED, STANDS_AT,
					"kaz", null))
			.withTransition(new Transition(1, "KAZ", TransitionAction.ACCEPT, SubmissionStatus.ACCEPTED, STANDS_AT,
					"secretariat", null));
		return kanalTotalsUnder(register).published(new OperationTotalsView.Publication(2,
				Instant.parse("2026-06-30T10:00:00Z"), FigureStatus.PRELIMINARY));
	}

	private static OperationTotalsView kanalTotalsUnder(RegisterDocument register) {
		try (DrivenLedgers ledgers = kanalLedgers()) {
			return OperationTotalsView.of(Ledgers.councilTotals(ledgers.ledger("KANAL-DEMO").orElseThrow(), CATALOGUE),
					register, CATALOGUE, null, null);
		}
	}

	static OperationTotalsView kanalTotals(Instant asOf) {
		try (DrivenLedgers ledgers = kanalLedgers()) {
			return OperationTotalsView.of(Ledgers.councilTotals(ledgers.ledger("KANAL-DEMO").orElseThrow(), CATALOGUE),
					"Kanal, synthetic demonstration data", asOf);
		}
	}

	private static DrivenLedgers kanalLedgers() {
		List<ReportRevision> reports = List.of(
				kanal("KAZ", "KAZ-K1").setFindings(List.of(kilograms("DRUGS_SEIZED", "12.5"),
						count("LABORATORIES_SHUT_DOWN", 3), money("CRIMINAL_ASSETS_SEIZED", "95400000.55", "KZT")))
					.build(),
				kanal("RUS", "RUS-K1").setSubmittedAt(STANDS_AT)
					.setFindings(List.of(kilograms("DRUGS_SEIZED", "0.125")))
					.build());
		DrivenLedgers ledgers = new DrivenLedgers(CATALOGUE);
		reports.forEach(ledgers::record);
		return ledgers;
	}

	private static ReportRevision.Builder kanal(String state, String reportId) {
		return illegal2017(state, reportId).setOperation("KANAL-DEMO")
			.setPeriodStart(LocalDate.parse("2026-06-15"))
			.setPeriodEnd(LocalDate.parse("2026-06-26"))
			.setSubmittedAt(Instant.parse("2026-06-26T12:00:00Z"));
	}

	private static void assertFigure(Cell cell, double value, String format) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getNumericCellValue()).isEqualTo(value);
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			texts.add((cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : cell.toString());
		}
		return texts;
	}

	private static Workbook open(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

}
