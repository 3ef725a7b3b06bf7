package org.jointops.aggregator.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
	void namesTheFileAfterTheOperation() {
		assertThat(TotalsWorkbook.fileName("ILLEGAL-2017")).isEqualTo("ILLEGAL-2017-totals.xlsx");
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

	static OperationTotalsView kanalTotals(Instant asOf) {
		List<ReportRevision> reports = List.of(
				kanal("KAZ", "KAZ-K1").setFindings(List.of(kilograms("DRUGS_SEIZED", "12.5"),
						count("LABORATORIES_SHUT_DOWN", 3), money("CRIMINAL_ASSETS_SEIZED", "95400000.55", "KZT")))
					.build(),
				kanal("RUS", "RUS-K1").setSubmittedAt(STANDS_AT)
					.setFindings(List.of(kilograms("DRUGS_SEIZED", "0.125")))
					.build());
		try (DrivenLedgers ledgers = new DrivenLedgers(CATALOGUE)) {
			reports.forEach(ledgers::record);
			return OperationTotalsView.of(Ledgers.councilTotals(ledgers.ledger("KANAL-DEMO").orElseThrow(), CATALOGUE),
					"Kanal, synthetic demonstration data", asOf);
		}
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
