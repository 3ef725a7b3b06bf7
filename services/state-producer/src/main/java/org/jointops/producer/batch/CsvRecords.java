package org.jointops.producer.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: fields separated by commas, records by
 * CRLF or LF, a field quoted with {@code "} when it holds a comma, a quote (doubled) or a
 * line break. Nothing is trimmed or guessed.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	/**
	 * Splits a text into its records and fields.
	 * @param text the whole text
	 * @param maxRows stop once this many non-blank records are read (the caller refuses
	 * the text as too long)
	 * @return the records, blank lines included
	 * @throws UnclosedQuoteException if a quoted field is not closed
	 */
	static List<Row> parse(String text, int maxRows) {
		List<Row> rows = new ArrayList<>();
		int nonBlank = 0;
		int at = 0;
		int line = 1;
		int length = text.length();
		while (at < length && nonBlank < maxRows) {
			int rowLine = line;
			List<String> cells = new ArrayList<>();
			String problem = null;
			boolean endOfRow = false;
			while (!endOfRow) {
				StringBuilder cell = new StringBuilder();
				if (at < length && text.charAt(at) == '"') {
					int quoteLine = line;
					at++;
					while (true) {
						if (at >= length) {
							throw new UnclosedQuoteException(quoteLine);
						}
						char c = text.charAt(at++);
						if (c == '"') {
							if (at < length && text.charAt(at) == '"') {
								cell.append('"');
								at++;
							}
							else {
								break;
							}
						}
						else {
							if (c == '\n') {
								line++;
							}
							cell.append(c);
						}
					}
					if (at < length && !isSeparator(text.charAt(at))) {
						problem = "unexpected text after the closing quote of a value";
						while (at < length && !isSeparator(text.charAt(at))) {
							at++;
						}
					}
				}
				else {
					while (at < length && !isSeparator(text.charAt(at))) {
						char c = text.charAt(at++);
						if (c == '"' && problem == null) {
							problem = "a quote inside an unquoted value; quote the whole value and double the quote";
						}
						cell.append(c);
					}
				}
				cells.add(cell.toString());
				if (at < length && text.charAt(at) == ',') {
					at++;
				}
				else {
					endOfRow = true;
					if (at < length && text.charAt(at) == '\r') {
						at++;
					}
					if (at < length && text.charAt(at) == '\n') {
						at++;
					}
					line++;
				}
			}
			Row row = new Row(rowLine, List.copyOf(cells), problem);
			rows.add(row);
			if (!row.isBlank()) {
				nonBlank++;
			}
		}
		return rows;
	}

	private static boolean isSeparator(char c) {
		return c == ',' || c == '\r' || c == '\n';
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

}
