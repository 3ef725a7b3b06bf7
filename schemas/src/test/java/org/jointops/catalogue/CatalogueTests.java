package org.jointops.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class CatalogueTests {

	@TempDir
	Path dir;

	@Test
	void bundledCatalogueHasTheSixMemberStatesAndTheSevenAgencies() {
		Catalogue catalogue = CatalogueLoader.bundled();
		assertThat(catalogue.states()).extracting(MemberState::code)
			.containsExactly("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK");
		assertThat(catalogue.agencies()).extracting(Agency::code)
			.containsExactly("INTERIOR", "BORDER_GUARD", "CUSTOMS", "STATE_SECURITY", "DRUG_CONTROL",
					"FINANCIAL_INTELLIGENCE", "MIGRATION");
	}

	@Test
	void bundledCatalogueHasIllegal2017WithItsTwoStageWindows() {
		Operation operation = CatalogueLoader.bundled().operation("ILLEGAL-2017").orElseThrow();
		assertThat(operation.stages()).containsExactly(
				new Stage(1, LocalDate.parse("2017-05-22"), LocalDate.parse("2017-06-02")),
				new Stage(2, LocalDate.parse("2017-09-25"), LocalDate.parse("2017-10-06")));
	}

	@Test
	void illegalCategoriesHaveTheirUnitsAndOfWhichParents() {
		Catalogue catalogue = CatalogueLoader.bundled();
		Operation operation = catalogue.operation("ILLEGAL-2017").orElseThrow();
		assertThat(catalogue.categoriesOf(operation)).extracting(Category::code, Category::unit, Category::parent)
			.containsExactly(tuple("IMMIGRATION_LAW_VIOLATIONS", Unit.COUNT, null),
					tuple("FINES_IMPOSED", Unit.MONEY, null), tuple("WANTED_PERSONS_DETAINED", Unit.COUNT, null),
					tuple("CASES_ORGANIZING_ILLEGAL_MIGRATION", Unit.COUNT, null),
					tuple("CASES_HUMAN_TRAFFICKING", Unit.COUNT, null), tuple("CASES_OTHER_CRIMES", Unit.COUNT, null),
					tuple("CASES_DRUG_TRAFFICKING", Unit.COUNT, "CASES_OTHER_CRIMES"),
					tuple("CASES_ARMS_TRAFFICKING", Unit.COUNT, "CASES_OTHER_CRIMES"));
		assertThat(catalogue.allows(operation, "DRUGS_SEIZED")).as("a Kanal category").isFalse();
	}

	@Test
	void extraFileAddsAnOperationWithoutARebuild() throws IOException {
		Path extra = write("extra.json", """
				{"operations": [{"code": "ILLEGAL-2018", "programme": "ILLEGAL", "name": "Illegal 2018",
				  "stages": [{"stage": 1, "start": "2018-05-21", "end": "2018-06-01"}]}]}
				""");
		Catalogue catalogue = CatalogueLoader.load(List.of(extra));
		assertThat(catalogue.operation("ILLEGAL-2018"))
			.hasValueSatisfying((operation) -> assertThat(catalogue.allows(operation, "FINES_IMPOSED")).isTrue());
		assertThat(catalogue.operation("ILLEGAL-2017")).isPresent();
	}

	@Test
	void setsAReportingDeadlinePerStageFromTheOperationOrTheStageItself() throws IOException {
		Path extra = write("deadlines.json",
				"""
						{"operations": [{"code": "ILLEGAL-2019", "programme": "ILLEGAL", "name": "Illegal 2019", "reportingDays": 10,
						  "stages": [{"stage": 1, "start": "2019-05-20", "end": "2019-05-31"},
						             {"stage": 2, "start": "2019-09-23", "end": "2019-10-04", "reportBy": "2019-10-07"}]}]}
						""");
		Operation operation = CatalogueLoader.load(List.of(extra)).operation("ILLEGAL-2019").orElseThrow();

		assertThat(operation.reportingDeadline(operation.stage(1).orElseThrow()))
			.hasValue(LocalDate.parse("2019-06-10"));
		assertThat(operation.reportingDeadline(operation.stage(2).orElseThrow()))
			.hasValue(LocalDate.parse("2019-10-07"));
		assertThat(CatalogueLoader.bundled().operation("ILLEGAL-2017").orElseThrow().reportingDays()).isEqualTo(10);
	}

	@Test
	void readsAFileWrittenBeforeDeadlinesExistedAsAnOperationWithoutDeadlines() throws IOException {
		Path extra = write("old.json", """
				{"operations": [{"code": "ILLEGAL-2016", "programme": "ILLEGAL", "name": "Illegal 2016",
				  "stages": [{"stage": 1, "start": "2016-05-23", "end": "2016-06-03"}]}]}
				""");
		Operation operation = CatalogueLoader.load(List.of(extra)).operation("ILLEGAL-2016").orElseThrow();

		assertThat(operation.reportingDeadline(operation.stage(1).orElseThrow())).isEmpty();
	}

	@Test
	void refusesADeadlineBeforeTheStageEnds() throws IOException {
		Path extra = write("early.json",
				"""
						{"operations": [{"code": "ILLEGAL-2020", "programme": "ILLEGAL", "name": "Illegal 2020", "reportingDays": -1,
						  "stages": [{"stage": 1, "start": "2020-05-18", "end": "2020-05-29", "reportBy": "2020-05-28"}]}]}
						""");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> CatalogueLoader.load(List.of(extra)))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"operation ILLEGAL-2020: reportingDays must not be negative",
					"operation ILLEGAL-2020, stage 1: reportBy is before the stage ends"));
	}

	@Test
	void refusesACodeDefinedTwice() throws IOException {
		Path extra = write("twice.json", """
				{"operations": [{"code": "ILLEGAL-2017", "programme": "ILLEGAL", "name": "again",
				  "stages": [{"stage": 1, "start": "2017-05-22", "end": "2017-06-02"}]}]}
				""");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> CatalogueLoader.load(List.of(extra)))
			.withMessageContaining("operation ILLEGAL-2017 is defined more than once");
	}

	@Test
	void refusesInconsistentContentListingEveryProblem() throws IOException {
		Path extra = write("bad.json", """
				{"programmes": [{"code": "TEST", "name": "t", "council": "c", "categories": [
				   {"code": "CHILD", "name": "c", "unit": "COUNT", "parent": "IMMIGRATION_LAW_VIOLATIONS"}]}],
				 "operations": [{"code": "TEST-1", "programme": "NOPE", "name": "t",
				   "stages": [{"stage": 1, "start": "2020-02-01", "end": "2020-01-01"}]}]}
				""");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> CatalogueLoader.load(List.of(extra)))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"category CHILD of programme TEST: parent IMMIGRATION_LAW_VIOLATIONS is not a category of the same programme",
					"operation TEST-1: unknown programme NOPE", "operation TEST-1, stage 1: ends before it starts"));
	}

	@Test
	void namesTheFileThatIsNotACatalogue() throws IOException {
		Path extra = write("broken.json", "{\"operations\": [{\"code\": \"X\", \"stagez\": []}]}");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> CatalogueLoader.load(List.of(extra)))
			.withMessageContaining("broken.json is not a valid catalogue file")
			.withMessageContaining("stagez");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
