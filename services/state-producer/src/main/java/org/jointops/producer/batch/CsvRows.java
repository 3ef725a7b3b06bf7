package org.jointops.producer.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

/**
 * Comma-separated values as RFC 4180 writes them, read by FastCSV: fields separated by
 * commas, records by CRLF, LF or CR, a field quoted with {@code "} when it holds a comma,
 * a quote (doubled) or a line break. Nothing is trimmed or guessed; each row keeps the
 * line it starts on, a line break inside quotes counting as one.
 * <p>
 * RFC 4180 allows no text after a closing quote, no quote inside an unquoted value and no
 * unclosed quote. FastCSV, set strictly, stops reading for good at the first text after a
 * closing quote, keeps a quote inside an unquoted value, and reads an unclosed quote to
 * the end of the text. So the records are read leniently, then every record with a quoted
 * value is read again, strictly and on its own: a row with text after a closing quote, or
 * with a quote inside an unquoted value, is a row with a problem (its report is refused,
 * the others are read); an unclosed quote refuses the whole text, since where its records
 * end cannot be known.
 */
final class CsvRows {

	static final String TEXT_AFTER_CLOSING_QUOTE = "unexpected text after the closing quote of a value";

	static final String QUOTE_IN_UNQUOTED_VALUE = "a quote inside an unquoted value; quote the whole value and double the quote";

	private static final char QUOTE = '"';

	private static final Pattern LONE_CR = Pattern.compile("\r(?!\n)");

	private CsvRows() {
	}

	/**
	 * Reads a text's rows, leaving out the blank ones (no value, or only empty values).
	 * @param text the whole text, without a byte-order mark
	 * @param maxRows stop once this many rows are read (the caller refuses the text as
	 * too long)
	 * @return the rows that are not blank, in order
	 * @throws UnclosedQuoteException if a quoted value is not closed
	 */
	static List<Row> read(String text, int maxRows) {
		// FastCSV (4.1.0 to 4.2.0) loses a quoted value holding a CR without an LF when
		// the record ends with an LF, and merges the next record into it. A CR alone ends
		// a line as an LF does, so it is read as one.
		String normalized = LONE_CR.matcher(text).replaceAll("\n");
		List<Row> rows = new ArrayList<>();
		Lines lines = new Lines(normalized);
		try (CsvReader<Fields> reader = reader(true).build(new FieldsHandler(), normalized)) {
			for (Fields fields : reader) {
				Row row = fields.quoted() ? checked(fields, lines) : fields.row(false);
				if (!row.isBlank()) {
					rows.add(row);
					if (rows.size() == maxRows) {
						break;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * FastCSV as RFC 4180 reads: no comments, every row as written (a row with more or
	 * fewer values than the header is the caller's to name), no byte-order mark.
	 * @param allowTextAfterClosingQuote whether to read text after a closing quote as
	 * part of the value rather than stop
	 * @return a builder for the reader
	 */
	private static CsvReader.CsvReaderBuilder reader(boolean allowTextAfterClosingQuote) {
		return CsvReader.builder()
			.fieldSeparator(',')
			.quoteCharacter(QUOTE)
			.commentStrategy(CommentStrategy.NONE)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.trimWhitespacesAroundQuotes(false)
			.detectBomHeader(false)
			.allowExtraCharsAfterClosingQuote(allowTextAfterClosingQuote);
	}

	/**
	 * Reads a record with a quoted value again, strictly, from the text it was read from.
	 * @param fields the record as read leniently
	 * @param lines the text
	 * @return the record as a row, with its problem if it has one
	 * @throws UnclosedQuoteException if its last value is quoted and not closed
	 */
	private static Row checked(Fields fields, Lines lines) {
		String written = lines.cut(fields.line(), 1 + lineBreaks(fields.cells()));
		// Outside unquoted values, each quote opens or closes one (a doubled quote does
		// both): an odd count leaves the last value open at the end of the text.
		if ((count(written, QUOTE) - fields.quotesInUnquotedValues()) % 2 != 0) {
			List<String> closed = fields.cells().subList(0, fields.cells().size() - 1);
			throw new UnclosedQuoteException(fields.line() + lineBreaks(closed));
		}
		try {
			reader(false).ofSingleCsvRecord(written);
		}
		catch (CsvParseException ex) {
			return fields.row(true);
		}
		return fields.row(false);
	}

	private static int lineBreaks(List<String> values) {
		return values.stream().mapToInt(Lines::breaks).sum();
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter((each) -> each == c).count();
	}

	/**
	 * One record.
	 *
	 * @param line the line of the text it starts on, from 1
	 * @param cells its fields
	 * @param problem what is wrong with its syntax, or null
	 */
	record Row(int line, List<String> cells, String problem) {

		boolean isBlank() {
			return this.cells.stream().allMatch(String::isEmpty);
		}

	}

	/**
	 * A quoted field that never ends: where the records end cannot be known.
	 */
	static final class UnclosedQuoteException extends RuntimeException {

		private final int line;

		UnclosedQuoteException(int line) {
			super("a quoted value opened on line " + line + " is not closed");
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

	/**
	 * A record as FastCSV read it, leniently.
	 *
	 * @param line the line it starts on
	 * @param cells its values
	 * @param quoted whether any of its values was quoted
	 * @param quotesInUnquotedValues how many quotes its unquoted values hold
	 */
	private record Fields(int line, List<String> cells, boolean quoted, int quotesInUnquotedValues) {

		/**
		 * The record as a row.
		 * @param textAfterClosingQuote whether a strict reading found text after a
		 * closing quote (named before a quote inside an unquoted value)
		 * @return the row, with its problem if it has one
		 */
		Row row(boolean textAfterClosingQuote) {
			if (textAfterClosingQuote) {
				return new Row(this.line, this.cells, TEXT_AFTER_CLOSING_QUOTE);
			}
			return new Row(this.line, this.cells, (this.quotesInUnquotedValues > 0) ? QUOTE_IN_UNQUOTED_VALUE : null);
		}

	}

	/**
	 * Builds each record with its starting line, whether a value was quoted, and the
	 * quotes inside unquoted values.
	 */
	private static final class FieldsHandler extends AbstractBaseCsvCallbackHandler<Fields> {

		private final List<String> cells = new ArrayList<>();

		private boolean quoted;

		private int quotesInUnquotedValues;

		@Override
		protected void handleBegin(long startingLineNumber) {
			this.cells.clear();
			this.quoted = false;
			this.quotesInUnquotedValues = 0;
		}

		@Override
		protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
			String cell = new String(buf, offset, len);
			this.cells.add(cell);
			if (quoted) {
				this.quoted = true;
			}
			else {
				this.quotesInUnquotedValues += count(cell, QUOTE);
			}
		}

		@Override
		protected Fields buildRecord() {
			return new Fields(Math.toIntExact(getStartingLineNumber()), List.copyOf(this.cells), this.quoted,
					this.quotesInUnquotedValues);
		}

	}

	/**
	 * Walks a text forwards, line by line (CRLF, CR and LF each end a line, as FastCSV
	 * counts them), to cut out the lines of a record as written.
	 */
	private static final class Lines {

		private final String text;

		/** The line {@link #start} is the start of. */
		private int line = 1;

		private int start;

		Lines(String text) {
			this.text = text;
		}

		/**
		 * Counts the line breaks in a value.
		 * @param value a value
		 * @return how many line breaks it holds, CRLF counting as one
		 */
		static int breaks(String value) {
			int breaks = 0;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
					breaks++;
				}
			}
			return breaks;
		}

		/**
		 * The text of some lines, each after the ones cut before.
		 * @param first the first line, from 1
		 * @param count how many lines
		 * @return their text, without the end of the last one
		 */
		String cut(int first, int count) {
			skipTo(first);
			int from = this.start;
			skipTo(first + count - 1);
			return this.text.substring(from, endOfLine(this.start));
		}

		private void skipTo(int target) {
			while (this.line < target) {
				int end = endOfLine(this.start);
				boolean crlf = end + 1 < this.text.length() && this.text.charAt(end) == '\r'
						&& this.text.charAt(end + 1) == '\n';
				this.start = Math.min(end + (crlf ? 2 : 1), this.text.length());
				this.line++;
			}
		}

		private int endOfLine(int from) {
			int at = from;
			while (at < this.text.length() && this.text.charAt(at) != '\r' && this.text.charAt(at) != '\n') {
				at++;
			}
			return at;
		}

	}

}
