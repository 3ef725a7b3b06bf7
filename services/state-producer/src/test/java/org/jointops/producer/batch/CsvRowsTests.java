package org.jointops.producer.batch;

import java.util.List;

import org.jointops.producer.batch.CsvRows.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading CSV text into rows: RFC 4180 quoting, the line each row starts on, and the same
 * strictness as before FastCSV read it.
 */
class CsvRowsTests {

	@Test
	void readsQuotedCommasLineBreaksAndDoubledQuotesAndNumbersTheRowsAfterThemByTheirFirstLine() {
		String text = "id,note\n" + "1,\"a, b\"\n" + "2,\"first\nsecond\r\nthird\"\n" + "3,\"say \"\"hi\"\"\"\n"
				+ "4,\"\"\"\n\"\"\"\n" + "5,last";

		assertThat(CsvRows.read(text, 100)).containsExactly(row(1, "id", "note"), row(2, "1", "a, b"),
				row(3, "2", "first\nsecond\r\nthird"), row(6, "3", "say \"hi\""), row(7, "4", "\"\n\""),
				row(9, "5", "last"));
	}

	@Test
	void endsARowAtCrlfLfOrACrAlone() {
		assertThat(CsvRows.read("a\r\nb\rc\nd\r", 100)).containsExactly(row(1, "a"), row(2, "b"), row(3, "c"),
				row(4, "d"));
	}

	@Test
	void keepsAQuotedValueWithACrAloneAndCountsTheCrAsALineBreak() {
		List<Row> rows = CsvRows.read("id,note\n1,\"a\rb\"\n2,\"c\r\"\n\n3,d\n", 100);

		assertThat(rows).containsExactly(row(1, "id", "note"), row(2, "1", "a\nb"), row(4, "2", "c\n"),
				row(7, "3", "d"));
	}

	@Test
	void leavesOutBlankRowsButCountsTheirLines() {
		assertThat(CsvRows.read("\nid,note\n\n,\n\"\",\"\"\r\n1,x\n\n", 100)).containsExactly(row(2, "id", "note"),
				row(6, "1", "x"));
	}

	@Test
	void readsValuesExactlyAsWrittenWithoutTrimmingOrComments() {
		assertThat(CsvRows.read(" a ,b \n#c,d\n", 100)).containsExactly(row(1, " a ", "b "), row(2, "#c", "d"));
	}

	@Test
	void namesTextAfterAClosingQuoteOnItsRowAndReadsTheRowsAfterIt() {
		List<Row> rows = CsvRows.read("id,note\n\"1\"x,a\n2,b\n3,\"c\" \n4,\"d\ne\"f\n5,g\n", 100);

		assertThat(rows).extracting(Row::line).containsExactly(1, 2, 3, 4, 5, 7);
		assertThat(rows).extracting(Row::problem)
			.containsExactly(null, CsvRows.TEXT_AFTER_CLOSING_QUOTE, null, CsvRows.TEXT_AFTER_CLOSING_QUOTE,
					CsvRows.TEXT_AFTER_CLOSING_QUOTE, null);
	}

	@Test
	void namesAQuoteInsideAnUnquotedValueButNotADoubledQuoteInsideAQuotedOne() {
		List<Row> rows = CsvRows.read("a\"b,c\n\"a\"\"b\",c\n x\"\"\n", 100);

		assertThat(rows).extracting(Row::problem)
			.containsExactly(CsvRows.QUOTE_IN_UNQUOTED_VALUE, null, CsvRows.QUOTE_IN_UNQUOTED_VALUE);
		assertThat(rows.get(0).cells()).containsExactly("a\"b", "c");
	}

	@Test
	void refusesAnUnclosedQuoteNamingTheLineItOpensOn() {
		assertThatExceptionOfType(CsvRows.UnclosedQuoteException.class)
			.isThrownBy(() -> CsvRows.read("id,note\n1,\"a\nb\",\"open\nx,y\n", 100))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessage("a quoted value opened on line 3 is not closed");
		assertThatExceptionOfType(CsvRows.UnclosedQuoteException.class).isThrownBy(() -> CsvRows.read("a\n\"\"\"", 100))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
		assertThatExceptionOfType(CsvRows.UnclosedQuoteException.class)
			.isThrownBy(() -> CsvRows.read("a\n\"b\"\"\n", 100))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
	}

	@Test
	void stopsReadingAfterTheMostRowsAskedFor() {
		assertThat(CsvRows.read("a\n\nb\nc\nd\n\"unclosed", 3)).containsExactly(row(1, "a"), row(3, "b"), row(4, "c"));
	}

	private static Row row(int line, String... cells) {
		return new Row(line, List.of(cells), null);
	}

}
