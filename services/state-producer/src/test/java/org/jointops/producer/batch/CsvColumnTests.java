package org.jointops.producer.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jointops.catalogue.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV columns, described once, and how each reads a cell: a value, or its problem,
 * never both.
 */
class CsvColumnTests {

	private static final String FIELD = "line 4: column";

	@Test
	void describesEachColumnOnceInTheDocumentedOrder() {
		assertThat(CsvColumn.names()).isEqualTo(
				"reportId,revision,state,agency,operation,stage,periodStart,periodEnd,withdrawn,category,quantity,currency");
		assertThat(CsvColumn.optionalNames()).isEqualTo("state, withdrawn, currency");
		assertThat(CsvColumn.ALL).filteredOn((column) -> column.scope() == CsvColumn.Scope.REPORT)
			.extracting(CsvColumn::name)
			.containsExactly("state", "agency", "operation", "stage", "periodStart", "periodEnd", "withdrawn");
		assertThat(CsvColumn.named("stage")).contains(CsvColumn.STAGE);
		assertThat(CsvColumn.named("Stage")).isEmpty();
	}

	@Test
	void readsAnEmptyCellAsNoValueInEveryColumn() {
		assertThat(CsvColumn.ALL)
			.allSatisfy((column) -> assertThat(column.parse("", FIELD)).isEqualTo(Parsed.of(null)));
	}

	@Test
	void readsWholeNumbersWithinTheRangeOfAnInt() {
		assertThat(CsvColumn.STAGE.parse("-2147483648", FIELD)).isEqualTo(Parsed.of(Integer.MIN_VALUE));
		assertThat(CsvColumn.REVISION.parse("2", FIELD)).isEqualTo(Parsed.of(2));
		assertThat(CsvColumn.REVISION.parse("2147483648", FIELD))
			.isEqualTo(Parsed.refused(FIELD, "expected a whole number, found '2147483648'"));
		assertThat(CsvColumn.REVISION.parse("1.0", FIELD).problems()).extracting(Violation::field)
			.containsExactly(FIELD);
		assertThat(CsvColumn.REVISION.parse(" 1", FIELD).value()).isNull();
	}

	@Test
	void readsQuantitiesWithAPointForDecimalsAndNoThousandsSeparator() {
		assertThat(CsvColumn.QUANTITY.parse("125000.50", FIELD)).isEqualTo(Parsed.of(new BigDecimal("125000.50")));
		assertThat(CsvColumn.QUANTITY.parse("1,250.50", FIELD)).isEqualTo(
				Parsed.refused(FIELD, "expected a number with a point for decimals (e.g. 1250.50), found '1,250.50'"));
		assertThat(CsvColumn.QUANTITY.parse("1e3", FIELD).problems()).hasSize(1);
	}

	@Test
	void readsDatesAsYearMonthDayOnly() {
		assertThat(CsvColumn.PERIOD_START.parse("2017-05-22", FIELD)).isEqualTo(Parsed.of(LocalDate.of(2017, 5, 22)));
		assertThat(CsvColumn.PERIOD_END.parse("2017-02-30", FIELD))
			.isEqualTo(Parsed.refused(FIELD, "expected a date as YYYY-MM-DD, found '2017-02-30'"));
		assertThat(CsvColumn.PERIOD_END.parse("+2017-05-22", FIELD).problems()).hasSize(1);
	}

	@Test
	void readsWithdrawnAsTrueOrFalseInLowerCase() {
		assertThat(CsvColumn.WITHDRAWN.parse("true", FIELD)).isEqualTo(Parsed.of(true));
		assertThat(CsvColumn.WITHDRAWN.parse("false", FIELD)).isEqualTo(Parsed.of(false));
		assertThat(CsvColumn.WITHDRAWN.parse("TRUE", FIELD))
			.isEqualTo(Parsed.refused(FIELD, "expected true or false, found 'TRUE'"));
	}

	@Test
	void readsTextAsWrittenAndNeverRefusesIt() {
		assertThat(CsvColumn.REPORT_ID.parse(" KAZ-1 \n", FIELD)).isEqualTo(Parsed.of(" KAZ-1 \n"));
	}

	@Test
	void gathersTheValuesAndTheProblemsOfSeveralCellsInOrder() {
		Parsed<List<Integer>> all = Parsed.all(List.of(CsvColumn.STAGE.parse("1", "line 2: stage"),
				CsvColumn.STAGE.parse("x", "line 3: stage"), CsvColumn.STAGE.parse("y", "line 4: stage")));

		assertThat(all.value()).containsExactly(1, null, null);
		assertThat(all.problems()).extracting(Violation::field).containsExactly("line 3: stage", "line 4: stage");
	}

}
