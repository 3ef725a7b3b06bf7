package org.jointops.producer.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.producer.batch.CsvColumn.Presence;
import org.jointops.producer.batch.CsvColumn.Scope;
import org.jointops.producer.batch.CsvRows.Row;
import org.jointops.producer.ingest.ReportRequest;
import org.jointops.producer.ingest.ReportRequest.FindingRequest;
import org.jointops.wire.StrictUtf8;

import org.springframework.http.HttpStatus;

/**
 * A CSV batch: UTF-8, a header row naming the columns (any order), then one finding per
 * row. Rows with the same {@code reportId} and {@code revision} make one report; its
 * report-level columns must be the same on each of its rows. A row with empty
 * {@code category} and {@code quantity} adds no finding line (a withdrawal, or a report
 * with nothing found, is one such row). Every problem is named {@code line N: column}.
 */
final class CsvBatch {

	/** The field of the header row in problems. */
	static final String HEADER = "line 1 (header)";

	private static final Pattern FINDING_FIELD = Pattern.compile("findings\\[(\\d+)]\\.?(.*)");

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private CsvBatch() {
	}

	/**
	 * Reads a CSV batch into its reports.
	 * @param body the body, UTF-8
	 * @param maxRows most data rows
	 * @param maxReports most reports
	 * @return one item per report, in the order of their first rows
	 * @throws BatchRefusedException if the body is not UTF-8, has no valid header, an
	 * unclosed quote, or is over a limit
	 */
	static List<BatchItem> read(byte[] body, int maxRows, int maxReports) {
		String text = decode(body);
		List<Row> rows;
		try {
			rows = CsvRows.read(text, maxRows + 2);
		}
		catch (CsvRows.UnclosedQuoteException ex) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "line " + ex.line(), ex.getMessage());
		}
		if (rows.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, HEADER,
					"the batch is empty; a CSV batch is a header row, then one row per finding");
		}
		Header header = Header.of(rows.get(0));
		List<Row> findingRows = rows.subList(1, rows.size());
		if (findingRows.size() > maxRows) {
			throw new BatchRefusedException(HttpStatus.CONTENT_TOO_LARGE, "line " + findingRows.get(maxRows).line(),
					"a CSV batch has at most " + maxRows + " rows after the header; split it");
		}
		if (findingRows.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "line 2",
					"the batch is empty; send at least one row after the header");
		}
		Map<String, List<Row>> reports = new LinkedHashMap<>();
		for (Row row : findingRows) {
			reports.computeIfAbsent(header.groupKey(row), (key) -> new ArrayList<>()).add(row);
			if (reports.size() > maxReports) {
				throw new BatchRefusedException(HttpStatus.CONTENT_TOO_LARGE, "line " + row.line(),
						"a batch has at most " + maxReports + " reports; split it");
			}
		}
		List<BatchItem> items = new ArrayList<>();
		for (List<Row> reportRows : reports.values()) {
			items.add(new ReportRows(items.size(), reportRows, header).item());
		}
		return items;
	}

	private static String decode(byte[] body) {
		String text = StrictUtf8.decode(body)
			.orElseThrow(() -> new BatchRefusedException(HttpStatus.BAD_REQUEST, "body", "is not valid UTF-8"));
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

	private static String at(Row row, CsvColumn<?> column) {
		return at(row, column.name());
	}

	private static String at(Row row, String field) {
		return "line " + row.line() + ": " + field;
	}

	/**
	 * The header row: where each column is.
	 *
	 * @param positions the index of each column the header names
	 */
	private record Header(Map<CsvColumn<?>, Integer> positions) {

		/**
		 * Reads the header row.
		 * @param row the first row that is not blank
		 * @return where each column is
		 * @throws BatchRefusedException if the row names an unknown column, a column
		 * twice, or leaves out a required one
		 */
		static Header of(Row row) {
			List<Violation> problems = new ArrayList<>();
			if (row.problem() != null) {
				problems.add(new Violation(HEADER, row.problem()));
			}
			Map<CsvColumn<?>, Integer> positions = new HashMap<>();
			for (int i = 0; i < row.cells().size(); i++) {
				String name = row.cells().get(i);
				Optional<CsvColumn<?>> column = CsvColumn.named(name);
				if (column.isEmpty()) {
					problems.add(new Violation(HEADER,
							"unknown column " + Untrusted.quoted(name) + "; the columns are " + CsvColumn.names()));
				}
				else if (positions.putIfAbsent(column.get(), i) != null) {
					problems.add(new Violation(HEADER, "column " + name + " appears twice"));
				}
			}
			for (CsvColumn<?> column : CsvColumn.ALL) {
				if (column.presence() == Presence.REQUIRED && !positions.containsKey(column)) {
					problems.add(new Violation(HEADER, "column " + column.name() + " is missing; the columns are "
							+ CsvColumn.names() + " (" + CsvColumn.optionalNames() + " optional)"));
				}
			}
			if (!problems.isEmpty()) {
				throw new BatchRefusedException(HttpStatus.BAD_REQUEST, problems);
			}
			return new Header(Map.copyOf(positions));
		}

		int size() {
			return this.positions.size();
		}

		boolean has(CsvColumn<?> column) {
			return this.positions.containsKey(column);
		}

		/**
		 * A row's cell in a column.
		 * @param row a row
		 * @param column a column
		 * @return the cell as written; empty if the header does not name the column or
		 * the row is too short
		 */
		String cell(Row row, CsvColumn<?> column) {
			Integer i = this.positions.get(column);
			return (i != null && i < row.cells().size()) ? row.cells().get(i) : "";
		}

		/**
		 * Reads a row's cell in a column.
		 * @param <T> the type of the column's values
		 * @param row a row
		 * @param column a column
		 * @return its value, or why it cannot be read
		 */
		<T> Parsed<T> read(Row row, CsvColumn<T> column) {
			return column.parse(cell(row, column), at(row, column));
		}

		/**
		 * Rows of one report share this key; a row whose key cannot be read stands alone.
		 * @param row a data row
		 * @return the row's report id and revision, or its line if it lacks them
		 */
		String groupKey(Row row) {
			int id = this.positions.get(CsvColumn.REPORT_ID);
			int revision = this.positions.get(CsvColumn.REVISION);
			if (row.cells().size() <= Math.max(id, revision)) {
				return "line:" + row.line();
			}
			return row.cells().get(id) + '\u0000' + row.cells().get(revision);
		}

	}

	/**
	 * The rows of one report, read into a request.
	 *
	 * @param index the position of the report in the batch
	 * @param rows its rows, in order
	 * @param header the header row
	 */
	private record ReportRows(int index, List<Row> rows, Header header) {

		BatchItem item() {
			Row first = this.rows.get(0);
			List<Integer> lines = this.rows.stream().map(Row::line).toList();
			List<Violation> unreadable = unreadableRows();
			if (!unreadable.isEmpty()) {
				return BatchItem.unreadableRows(this.index, lines, this.header.cell(first, CsvColumn.REPORT_ID), null,
						unreadable);
			}
			Parsed<String> reportId = this.header.read(first, CsvColumn.REPORT_ID);
			Parsed<Integer> revision = this.header.read(first, CsvColumn.REVISION);
			Parsed<String> state = this.header.read(first, CsvColumn.STATE);
			Parsed<String> agency = this.header.read(first, CsvColumn.AGENCY);
			Parsed<String> operation = this.header.read(first, CsvColumn.OPERATION);
			Parsed<Integer> stage = this.header.read(first, CsvColumn.STAGE);
			Parsed<LocalDate> periodStart = this.header.read(first, CsvColumn.PERIOD_START);
			Parsed<LocalDate> periodEnd = this.header.read(first, CsvColumn.PERIOD_END);
			Parsed<Boolean> withdrawn = this.header.read(first, CsvColumn.WITHDRAWN);
			List<Row> findingRows = findingRows();
			Parsed<List<FindingRequest>> findings = Parsed.all(findingRows.stream().map(this::finding).toList());
			List<Violation> problems = new ArrayList<>(disagreements());
			problems.addAll(Parsed.problemsOf(List.of(reportId, revision, state, agency, operation, stage, periodStart,
					periodEnd, withdrawn, findings)));
			if (!problems.isEmpty()) {
				return BatchItem.unreadableRows(this.index, lines, reportId.value(), revision.value(), problems);
			}
			return BatchItem.readRows(this.index, lines,
					new ReportRequest(reportId.value(), revision.value(), state.value(), agency.value(),
							operation.value(), stage.value(), periodStart.value(), periodEnd.value(), withdrawn.value(),
							findings.value()),
					(field) -> locate(field, findingRows));
		}

		/**
		 * Rows that cannot be read at all: bad quoting, or not as many values as the
		 * header.
		 * @return each such row's problem, named by its line
		 */
		private List<Violation> unreadableRows() {
			List<Violation> problems = new ArrayList<>();
			for (Row row : this.rows) {
				if (row.problem() != null) {
					problems.add(new Violation("line " + row.line(), row.problem()));
				}
				else if (row.cells().size() != this.header.size()) {
					problems.add(new Violation("line " + row.line(), "expected " + this.header.size()
							+ " values as in the header, found " + row.cells().size()));
				}
			}
			return problems;
		}

		/**
		 * The report-level values of each row that differ from the first row's.
		 * @return each difference, named by its row and column
		 */
		private List<Violation> disagreements() {
			Row first = this.rows.get(0);
			List<Violation> problems = new ArrayList<>();
			List<CsvColumn<?>> reportColumns = CsvColumn.ALL.stream()
				.filter((column) -> column.scope() == Scope.REPORT && this.header.has(column))
				.toList();
			for (Row row : this.rows.subList(1, this.rows.size())) {
				for (CsvColumn<?> column : reportColumns) {
					String value = this.header.cell(row, column);
					String expected = this.header.cell(first, column);
					if (!value.equals(expected)) {
						problems.add(new Violation(at(row, column),
								Untrusted.quoted(value) + " differs from line " + first.line() + " ("
										+ Untrusted.quoted(expected)
										+ "); every row of a report (same reportId and revision) must agree"));
					}
				}
			}
			return problems;
		}

		/**
		 * The rows that add a finding line: all but those whose finding columns
		 * (category, quantity, currency) are all empty.
		 * @return those rows, in order
		 */
		private List<Row> findingRows() {
			return this.rows.stream()
				.filter((row) -> CsvColumn.ALL.stream()
					.anyMatch((column) -> column.scope() == Scope.FINDING && !this.header.cell(row, column).isEmpty()))
				.toList();
		}

		private Parsed<FindingRequest> finding(Row row) {
			Parsed<String> category = this.header.read(row, CsvColumn.CATEGORY);
			Parsed<BigDecimal> quantity = this.header.read(row, CsvColumn.QUANTITY);
			Parsed<String> currency = this.header.read(row, CsvColumn.CURRENCY);
			return new Parsed<>(new FindingRequest(category.value(), quantity.value(), currency.value()),
					Parsed.problemsOf(List.of(category, quantity, currency)));
		}

		/**
		 * Names a field where the client wrote it: {@code findings[2].quantity} becomes
		 * {@code line 5: quantity}.
		 * @param field a field of the report as JSON names it
		 * @param findingRows the rows of its finding lines, in order
		 * @return where the client wrote it
		 */
		private String locate(String field, List<Row> findingRows) {
			Matcher finding = FINDING_FIELD.matcher(field);
			if (finding.matches()) {
				int i = Integer.parseInt(finding.group(1));
				Row row = (i < findingRows.size()) ? findingRows.get(i) : this.rows.get(0);
				return at(row, finding.group(2).isEmpty() ? CsvColumn.CATEGORY.name() : finding.group(2));
			}
			return at(this.rows.get(0), field);
		}

	}

}
