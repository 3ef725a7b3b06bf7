package org.jointops.producer.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jointops.catalogue.Untrusted;

/**
 * A column of a CSV batch, described once: its name in the header, whether the header may
 * leave it out, what it describes, and how one of its cells is read.
 *
 * @param <T> the type of its values
 * @param name its name in the header
 * @param presence whether the header must name it
 * @param scope whether it identifies the report, describes the report or describes one
 * finding
 * @param parser reads one of its cells
 */
record CsvColumn<T>(String name, Presence presence, Scope scope, CellParser<T> parser) {

	static final CsvColumn<String> REPORT_ID = new CsvColumn<>("reportId", Presence.REQUIRED, Scope.IDENTITY,
			CsvColumn::text);

	static final CsvColumn<Integer> REVISION = new CsvColumn<>("revision", Presence.REQUIRED, Scope.IDENTITY,
			CsvColumn::whole);

	static final CsvColumn<String> STATE = new CsvColumn<>("state", Presence.OPTIONAL, Scope.REPORT, CsvColumn::text);

	static final CsvColumn<String> AGENCY = new CsvColumn<>("agency", Presence.REQUIRED, Scope.REPORT, CsvColumn::text);

	static final CsvColumn<String> OPERATION = new CsvColumn<>("operation", Presence.REQUIRED, Scope.REPORT,
			CsvColumn::text);

	static final CsvColumn<Integer> STAGE = new CsvColumn<>("stage", Presence.REQUIRED, Scope.REPORT, CsvColumn::whole);

	static final CsvColumn<LocalDate> PERIOD_START = new CsvColumn<>("periodStart", Presence.REQUIRED, Scope.REPORT,
			CsvColumn::date);

	static final CsvColumn<LocalDate> PERIOD_END = new CsvColumn<>("periodEnd", Presence.REQUIRED, Scope.REPORT,
			CsvColumn::date);

	static final CsvColumn<Boolean> WITHDRAWN = new CsvColumn<>("withdrawn", Presence.OPTIONAL, Scope.REPORT,
			CsvColumn::bool);

	static final CsvColumn<String> CATEGORY = new CsvColumn<>("category", Presence.REQUIRED, Scope.FINDING,
			CsvColumn::text);

	static final CsvColumn<BigDecimal> QUANTITY = new CsvColumn<>("quantity", Presence.REQUIRED, Scope.FINDING,
			CsvColumn::decimal);

	static final CsvColumn<String> CURRENCY = new CsvColumn<>("currency", Presence.OPTIONAL, Scope.FINDING,
			CsvColumn::text);

	/** Every column, in the documented order. */
	static final List<CsvColumn<?>> ALL = List.of(REPORT_ID, REVISION, STATE, AGENCY, OPERATION, STAGE, PERIOD_START,
			PERIOD_END, WITHDRAWN, CATEGORY, QUANTITY, CURRENCY);

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

	private static final int DATE_LENGTH = "YYYY-MM-DD".length();

	/**
	 * The column a header names.
	 * @param name a name in the header
	 * @return the column of that name, or empty if there is none
	 */
	static Optional<CsvColumn<?>> named(String name) {
		return ALL.stream().filter((column) -> column.name().equals(name)).findFirst();
	}

	/**
	 * The columns as a header names them, in the documented order.
	 * @return every column's name, comma-separated
	 */
	static String names() {
		return ALL.stream().map(CsvColumn::name).collect(Collectors.joining(","));
	}

	/**
	 * The columns a header may leave out, in the documented order.
	 * @return their names, separated by a comma and a space
	 */
	static String optionalNames() {
		return ALL.stream()
			.filter((column) -> column.presence() == Presence.OPTIONAL)
			.map(CsvColumn::name)
			.collect(Collectors.joining(", "));
	}

	/**
	 * Reads one of its cells.
	 * @param value the cell as written; empty if it is
	 * @param field where the cell is, as problems name it
	 * @return its value (null if empty), or why it cannot be read
	 */
	Parsed<T> parse(String value, String field) {
		return this.parser.parse(value, field);
	}

	private static Parsed<String> text(String value, String field) {
		return Parsed.of(value.isEmpty() ? null : value);
	}

	private static Parsed<Integer> whole(String value, String field) {
		if (value.isEmpty()) {
			return Parsed.of(null);
		}
		if (WHOLE_NUMBER.matcher(value).matches()) {
			long number = Long.parseLong(value);
			if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
				return Parsed.of((int) number);
			}
		}
		return Parsed.refused(field, "expected a whole number, found " + Untrusted.quoted(value));
	}

	private static Parsed<BigDecimal> decimal(String value, String field) {
		if (value.isEmpty()) {
			return Parsed.of(null);
		}
		if (DECIMAL.matcher(value).matches()) {
			return Parsed.of(new BigDecimal(value));
		}
		return Parsed.refused(field,
				"expected a number with a point for decimals (e.g. 1250.50), found " + Untrusted.quoted(value));
	}

	private static Parsed<LocalDate> date(String value, String field) {
		if (value.isEmpty()) {
			return Parsed.of(null);
		}
		try {
			if (value.length() == DATE_LENGTH) {
				return Parsed.of(LocalDate.parse(value));
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		return Parsed.refused(field, "expected a date as YYYY-MM-DD, found " + Untrusted.quoted(value));
	}

	private static Parsed<Boolean> bool(String value, String field) {
		return switch (value) {
			case "" -> Parsed.of(null);
			case "true" -> Parsed.of(true);
			case "false" -> Parsed.of(false);
			default -> Parsed.refused(field, "expected true or false, found " + Untrusted.quoted(value));
		};
	}

	/**
	 * Whether a header must name a column.
	 */
	enum Presence {

		/** The header must name it. */
		REQUIRED,

		/** The header may leave it out: its cells are then all empty. */
		OPTIONAL

	}

	/**
	 * What a column describes, which says how its cells on the rows of one report relate.
	 */
	enum Scope {

		/**
		 * Which report a row belongs to: rows with the same values make one report.
		 */
		IDENTITY,

		/** The report: the same on every row of it. */
		REPORT,

		/** One finding: each row its own. */
		FINDING

	}

	/**
	 * Reads one cell of a column.
	 *
	 * @param <T> the type of its value
	 */
	@FunctionalInterface
	interface CellParser<T> {

		/**
		 * Reads a cell.
		 * @param value the cell as written; empty if it is
		 * @param field where the cell is, as problems name it
		 * @return its value (null if empty), or why it cannot be read
		 */
		Parsed<T> parse(String value, String field);

	}

}
