package org.jointops.aggregator.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.api.TotalLineView;
import org.jointops.aggregator.approval.FiguresView;
import org.jointops.aggregator.rates.UsdConversion.CategoryUsd;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.catalogue.Unit;

import org.springframework.http.MediaType;

/**
 * Council totals as an Excel workbook (Office Open XML): one sheet, {@value #SHEET}, with
 * a header block (operation, version, the time the figures stand at, reports, FINAL or
 * PRELIMINARY, and for published figures the publication's number and date) above a table
 * of one row per total line: category, its name in the catalogue, unit, currency, total,
 * then one column per member state and one per stage; then one row per money category in
 * US dollars (total and stages; a missing rate leaves the total blank and is named in the
 * last column) and a row that marks the operation, each state and each stage FINAL or
 * PRELIMINARY. Figures are numeric cells in the unit's number format ({@code 0},
 * {@code 0.00} for money, {@code 0.000} for kilograms); a blank cell is a state or stage
 * without a figure. The table's heading row (and the block above it) stays in view when
 * scrolling.
 */
public final class TotalsWorkbook {

	/** The media type of the workbook. */
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The name of the one sheet. */
	public static final String SHEET = "Totals";

	/** The row of the table's headings (0-based); the header block is above it. */
	static final int HEADINGS = 6;

	private static final String USD = "USD";

	/** The columns before the breakdowns: category, name, unit, currency, total. */
	static final int FIXED_COLUMNS = 5;

	private TotalsWorkbook() {
	}

	/**
	 * The workbook of some totals.
	 * @param totals the totals, live or published
	 * @param catalogue the catalogue that names the categories, states and stages
	 * @return the workbook, as the bytes of an .xlsx file
	 */
	public static byte[] of(OperationTotalsView totals, Catalogue catalogue) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(SHEET);
			Instant standsAt = (totals.asOf() != null) ? totals.asOf() : totals.updatedAt();
			label(sheet.createRow(0), "Operation", styles).setCellValue(totals.operation());
			if (totals.name() != null) {
				sheet.getRow(0).createCell(2).setCellValue(totals.name());
			}
			label(sheet.createRow(1), "Version", styles).setCellValue(totals.version());
			Cell time = label(sheet.createRow(2), "Figures as of", styles);
			if (standsAt != null) {
				time.setCellValue(LocalDateTime.ofInstant(standsAt, ZoneOffset.UTC));
				time.setCellStyle(styles.time);
			}
			else {
				time.setCellValue("no reports yet");
			}
			label(sheet.createRow(3), "Reports", styles).setCellValue(totals.reports());
			if (totals.figures() != null) {
				label(sheet.createRow(4), "Status", styles).setCellValue(totals.figures().status().name());
			}
			if (totals.publication() != null) {
				label(sheet.createRow(5), "Publication", styles).setCellValue(totals.publication().number());
				Cell published = sheet.getRow(5).createCell(2);
				published.setCellValue(LocalDateTime.ofInstant(totals.publication().publishedAt(), ZoneOffset.UTC));
				published.setCellStyle(styles.time);
			}

			List<String> states = states(totals, catalogue);
			List<String> stages = stages(totals, catalogue);
			Row headings = sheet.createRow(HEADINGS);
			List<String> titles = new ArrayList<>(List.of("Category", "Name", "Unit", "Currency", "Total"));
			titles.addAll(states);
			stages.forEach((stage) -> titles.add("Stage " + stage));
			for (int i = 0; i < titles.size(); i++) {
				Cell cell = headings.createCell(i);
				cell.setCellValue(titles.get(i));
				cell.setCellStyle(styles.heading);
			}
			int rowNumber = HEADINGS + 1;
			for (TotalLineView line : totals.totals()) {
				Row row = sheet.createRow(rowNumber++);
				Unit unit = Unit.valueOf(line.unit());
				CellStyle figure = styles.figure(unit);
				row.createCell(0).setCellValue(line.category());
				row.createCell(1)
					.setCellValue(catalogue.category(line.category()).map(Category::name).orElse(line.category()));
				row.createCell(2).setCellValue(line.unit());
				if (line.currency() != null) {
					row.createCell(3).setCellValue(line.currency());
				}
				figure(row, 4, line.total(), figure);
				int column = FIXED_COLUMNS;
				for (String state : states) {
					figure(row, column++, line.byState().get(state), figure);
				}
				for (String stage : stages) {
					figure(row, column++, line.byStage().get(stage), figure);
				}
			}
			for (CategoryUsd usd : (totals.usdTotals() != null) ? totals.usdTotals() : List.<CategoryUsd>of()) {
				Row row = sheet.createRow(rowNumber++);
				row.createCell(0).setCellValue(usd.category());
				row.createCell(1)
					.setCellValue(catalogue.category(usd.category()).map(Category::name).orElse(usd.category())
							+ " in US dollars");
				row.createCell(2).setCellValue(Unit.MONEY.name());
				row.createCell(3).setCellValue(USD);
				figure(row, 4, usd.total(), styles.money);
				int column = FIXED_COLUMNS + states.size();
				for (String stage : stages) {
					figure(row, column++, usd.byStage().get(stage), styles.money);
				}
				if (!usd.complete()) {
					row.createCell(column)
						.setCellValue("incomplete: no rate for " + usd.missing()
							.stream()
							.map((missing) -> missing.currency() + " in stage " + missing.stage())
							.collect(Collectors.joining(", ")));
				}
			}
			if (totals.figures() != null) {
				FiguresView figures = totals.figures();
				Row row = sheet.createRow(rowNumber);
				status(row, 0, "Status", styles.heading);
				status(row, 4, figures.status(), null);
				int column = FIXED_COLUMNS;
				for (String state : states) {
					status(row, column++, figures.byState().get(state), null);
				}
				for (String stage : stages) {
					status(row, column++, figures.byStage().get(stage), null);
				}
			}
			int[] widths = { 30, 44, 10, 9, 16 };
			for (int i = 0; i < titles.size(); i++) {
				sheet.setColumnWidth(i, ((i < widths.length) ? widths[i] : 15) * 256);
			}
			sheet.createFreezePane(0, HEADINGS + 1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The file name of a workbook.
	 * @param totals the totals, live or published
	 * @return e.g. {@code ILLEGAL-2017-totals.xlsx}, or
	 * {@code ILLEGAL-2017-publication-2-totals.xlsx}
	 */
	public static String fileName(OperationTotalsView totals) {
		return totals.operation()
				+ ((totals.publication() != null) ? "-publication-" + totals.publication().number() : "")
				+ "-totals.xlsx";
	}

	private static void status(Row row, int column, Object status, CellStyle style) {
		if (status != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(status.toString());
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static Cell label(Row row, String label, Styles styles) {
		Cell cell = row.createCell(0);
		cell.setCellValue(label);
		cell.setCellStyle(styles.heading);
		return row.createCell(1);
	}

	private static void figure(Row row, int column, BigDecimal value, CellStyle style) {
		if (value != null) {
			Cell cell = row.createCell(column);
			// a double holds every figure of up to 15 significant digits exactly as
			// written
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(style);
		}
	}

	/**
	 * The member states of the columns: the catalogue's, in its order, then any other
	 * state with a figure.
	 * @param totals the totals
	 * @param catalogue the catalogue
	 * @return the state codes
	 */
	private static List<String> states(OperationTotalsView totals, Catalogue catalogue) {
		Set<String> states = new LinkedHashSet<>();
		catalogue.states().stream().map(MemberState::code).forEach(states::add);
		totals.totals().forEach((line) -> states.addAll(line.byState().keySet()));
		return new ArrayList<>(states);
	}

	/**
	 * The stages of the columns: the operation's, in order, then any other stage with a
	 * figure.
	 * @param totals the totals
	 * @param catalogue the catalogue
	 * @return the stage numbers
	 */
	private static List<String> stages(OperationTotalsView totals, Catalogue catalogue) {
		Set<String> stages = new LinkedHashSet<>();
		catalogue.operation(totals.operation())
			.map(Operation::stages)
			.orElse(List.of())
			.stream()
			.map(Stage::stage)
			.forEach((stage) -> stages.add(String.valueOf(stage)));
		totals.totals().stream().map(TotalLineView::byStage).map(Map::keySet).forEach(stages::addAll);
		return new ArrayList<>(stages);
	}

	/**
	 * The cell styles of a workbook.
	 */
	private static final class Styles {

		final CellStyle heading;

		final CellStyle time;

		private final CellStyle whole;

		private final CellStyle money;

		private final CellStyle kilograms;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.heading = workbook.createCellStyle();
			this.heading.setFont(bold);
			this.heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.time = format(workbook, "yyyy-mm-dd hh:mm:ss \"UTC\"");
			this.whole = format(workbook, "0");
			this.money = format(workbook, "0.00");
			this.kilograms = format(workbook, "0.000");
		}

		CellStyle figure(Unit unit) {
			return switch (unit) {
				case COUNT -> this.whole;
				case MONEY -> this.money;
				case KILOGRAM -> this.kilograms;
			};
		}

		private static CellStyle format(XSSFWorkbook workbook, String format) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			return style;
		}

	}

}
