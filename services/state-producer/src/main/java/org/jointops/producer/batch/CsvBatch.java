package org.jointops.producer.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
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

	static final String REPORT_ID = "reportId";

	static final String REVISION = "revision";

	static final String STATE = "state";

	static final String AGENCY = "agency";

	static final String OPERATION = "operation";

	static final String STAGE = "stage";

	static final String PERIOD_START = "periodStart";

	static final String PERIOD_END = "periodEnd";

	static final String WITHDRAWN = "withdrawn";

	static final String CATEGORY = "category";

	static final String QUANTITY = "quantity";

	static final String CURRENCY = "currency";

	/** Every column, in the documented order. */
	static final List<String> COLUMNS = List.of(REPORT_ID, REVISION, STATE, AGENCY, OPERATION, STAGE, PERIOD_START,
			PERIOD_END, WITHDRAWN, CATEGORY, QUANTITY, CURRENCY);

	/** The columns a header may leave out (their cells would all be empty). */
	static final Set<String> OPTIONAL_COLUMNS = Set.of(STATE, WITHDRAWN, CURRENCY);

	/** The columns that describe the report, not the finding: equal on all its rows. */
	private static final List<String> REPORT_COLUMNS = List.of(STATE, AGENCY, OPERATION, STAGE, PERIOD_START,
			PERIOD_END, WITHDRAWN);

	/** The field of the header row in problems. */
	static final String HEADER = "line 1 (header)";

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

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
		List<CsvRows.Row> data;
		try {
			data = CsvRows.read(text, maxRows + 2);
		}
		catch (CsvRows.UnclosedQuoteException ex) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "line " + ex.line(), ex.getMessage());
		}
		if (data.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, HEADER,
					"the batch is empty; a CSV batch is a header row, then one row per finding");
		}
		Map<String, Integer> columns = header(data.get(0));
		List<CsvRows.Row> findingRows = data.subList(1, data.size());
		if (findingRows.size() > maxRows) {
			throw new BatchRefusedException(HttpStatus.CONTENT_TOO_LARGE, "line " + findingRows.get(maxRows).line(),
					"a CSV batch has at most " + maxRows + " rows after the header; split it");
		}
		if (findingRows.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "line 2",
					"the batch is empty; send at least one row after the header");
		}
		Map<String, List<CsvRows.Row>> reports = new LinkedHashMap<>();
		for (CsvRows.Row row : findingRows) {
			reports.computeIfAbsent(groupKey(row, columns), (key) -> new ArrayList<>()).add(row);
			if (reports.size() > maxReports) {
				throw new BatchRefusedException(HttpStatus.CONTENT_TOO_LARGE, "line " + row.line(),
						"a batch has at most " + maxReports + " reports; split it");
			}
		}
		List<BatchItem> items = new ArrayList<>();
		for (List<CsvRows.Row> reportRows : reports.values()) {
			items.add(new ReportRows(items.size(), reportRows, columns).item());
		}
		return items;
	}

	private static String decode(byte[] body) {
		String text = StrictUtf8.decode(body)
			.orElseThrow(() -> new BatchRefusedException(HttpStatus.BAD_REQUEST, "body", "is not valid UTF-8"));
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

	private static Map<String, Integer> header(CsvRows.Row row) {
		List<Violation> problems = new ArrayList<>();
		if (row.problem() != null) {
			problems.add(new Violation(HEADER, row.problem()));
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < row.cells().size(); i++) {
			String name = row.cells().get(i);
			if (!COLUMNS.contains(name)) {
				problems.add(new Violation(HEADER,
						"unknown column " + Untrusted.quoted(name) + "; the columns are " + String.join(",", COLUMNS)));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				problems.add(new Violation(HEADER, "column " + name + " appears twice"));
			}
		}
		for (String column : COLUMNS) {
			if (!OPTIONAL_COLUMNS.contains(column) && !columns.containsKey(column)) {
				problems.add(new Violation(HEADER, "column " + column + " is missing; the columns are "
						+ String.join(",", COLUMNS) + " (" + String.join(", ", OPTIONAL_COLUMNS) + " optional)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new BatchRefusedException(HttpStatus.BAD_REQUEST, problems);
		}
		return columns;
	}

	/**
	 * Rows of one report share this key; a row whose key cannot be read stands alone.
	 * @param row a data row
	 * @param columns the index of each column, by name
	 * @return the row's report id and revision, or its line if it lacks them
	 */
	private static String groupKey(CsvRows.Row row, Map<String, Integer> columns) {
		int id = columns.get(REPORT_ID);
		int revision = columns.get(REVISION);
		if (row.cells().size() <= Math.max(id, revision)) {
			return "line:" + row.line();
		}
		return row.cells().get(id) + '\u0000' + row.cells().get(revision);
	}

	/**
	 * The rows of one report, read into a request.
	 */
	private static final class ReportRows {

		private final int index;

		private final List<CsvRows.Row> rows;

		private final Map<String, Integer> columns;

		private final List<Violation> problems = new ArrayList<>();

		/** The line of each finding line of the request, by its index. */
		private final List<Integer> findingLines = new ArrayList<>();

		ReportRows(int index, List<CsvRows.Row> rows, Map<String, Integer> columns) {
			this.index = index;
			this.rows = rows;
			this.columns = columns;
		}

		BatchItem item() {
			CsvRows.Row first = this.rows.get(0);
			List<Integer> lines = this.rows.stream().map(CsvRows.Row::line).toList();
			for (CsvRows.Row row : this.rows) {
				if (row.problem() != null) {
					this.problems.add(new Violation("line " + row.line(), row.problem()));
				}
				else if (row.cells().size() != this.columns.size()) {
					this.problems.add(new Violation("line " + row.line(), "expected " + this.columns.size()
							+ " values as in the header, found " + row.cells().size()));
				}
			}
			if (!this.problems.isEmpty()) {
				return BatchItem.unreadableRows(this.index, lines, cell(first, REPORT_ID), null, this.problems);
			}
			for (CsvRows.Row row : this.rows.subList(1, this.rows.size())) {
				for (String column : REPORT_COLUMNS) {
					if (this.columns.containsKey(column) && !cell(row, column).equals(cell(first, column))) {
						this.problems.add(new Violation(at(row, column),
								Untrusted.quoted(cell(row, column)) + " differs from line " + first.line() + " ("
										+ Untrusted.quoted(cell(first, column))
										+ "); every row of a report (same reportId and revision) must agree"));
					}
				}
			}
			String reportId = text(first, REPORT_ID);
			Integer revision = whole(first, REVISION);
			ReportRequest request = new ReportRequest(reportId, revision, text(first, STATE), text(first, AGENCY),
					text(first, OPERATION), whole(first, STAGE), date(first, PERIOD_START), date(first, PERIOD_END),
					bool(first, WITHDRAWN), findings());
			if (!this.problems.isEmpty()) {
				return BatchItem.unreadableRows(this.index, lines, reportId, revision, this.problems);
			}
			return BatchItem.readRows(this.index, lines, request, this::locate);
		}

		private List<FindingRequest> findings() {
			List<FindingRequest> findings = new ArrayList<>();
			for (CsvRows.Row row : this.rows) {
				String category = cell(row, CATEGORY);
				String quantity = cell(row, QUANTITY);
				String currency = cell(row, CURRENCY);
				if (category.isEmpty() && quantity.isEmpty() && currency.isEmpty()) {
					continue;
				}
				this.findingLines.add(row.line());
				findings.add(new FindingRequest(text(row, CATEGORY), decimal(row, QUANTITY), text(row, CURRENCY)));
			}
			return findings;
		}

		/**
		 * Names a field where the client wrote it: {@code findings[2].quantity} becomes
		 * {@code line 5: quantity}.
		 * @param field a field of the report as JSON names it
		 * @return where the client wrote it
		 */
		private String locate(String field) {
			Matcher finding = FINDING_FIELD.matcher(field);
			if (finding.matches()) {
				int i = Integer.parseInt(finding.group(1));
				int line = (i < this.findingLines.size()) ? this.findingLines.get(i) : this.rows.get(0).line();
				return "line " + line + ": " + (finding.group(2).isEmpty() ? CATEGORY : finding.group(2));
			}
			return at(this.rows.get(0), field);
		}

		private static String at(CsvRows.Row row, String column) {
			return "line " + row.line() + ": " + column;
		}

		private String cell(CsvRows.Row row, String column) {
			Integer i = this.columns.get(column);
			return (i != null && i < row.cells().size()) ? row.cells().get(i) : "";
		}

		private String text(CsvRows.Row row, String column) {
			String value = cell(row, column);
			return value.isEmpty() ? null : value;
		}

		private Integer whole(CsvRows.Row row, String column) {
			String value = cell(row, column);
			if (value.isEmpty()) {
				return null;
			}
			if (WHOLE_NUMBER.matcher(value).matches()) {
				long number = Long.parseLong(value);
				if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
					return (int) number;
				}
			}
			this.problems
				.add(new Violation(at(row, column), "expected a whole number, found " + Untrusted.quoted(value)));
			return null;
		}

		private BigDecimal decimal(CsvRows.Row row, String column) {
			String value = cell(row, column);
			if (value.isEmpty()) {
				return null;
			}
			if (DECIMAL.matcher(value).matches()) {
				return new BigDecimal(value);
			}
			this.problems.add(new Violation(at(row, column),
					"expected a number with a point for decimals (e.g. 1250.50), found " + Untrusted.quoted(value)));
			return null;
		}

		private LocalDate date(CsvRows.Row row, String column) {
			String value = cell(row, column);
			if (value.isEmpty()) {
				return null;
			}
			try {
				if (value.length() == 10) {
					return LocalDate.parse(value);
				}
			}
			catch (DateTimeParseException ex) {
				// refused below
			}
			this.problems
				.add(new Violation(at(row, column), "expected a date as YYYY-MM-DD, found " + Untrusted.quoted(value)));
			return null;
		}

		private Boolean bool(CsvRows.Row row, String column) {
			String value = cell(row, column);
			return switch (value) {
				case "" -> null;
				case "true" -> true;
				case "false" -> false;
				default -> {
					this.problems.add(
							new Violation(at(row, column), "expected true or false, found " + Untrusted.quoted(value)));
					yield null;
				}
			};
		}

	}

}
