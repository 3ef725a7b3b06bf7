package org.jointops.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What may change between two catalogue versions, and what a retired entry means for new
 * submissions and for counting.
 */
class CatalogueEvolutionTests {

	private static final Catalogue BUNDLED = CatalogueLoader.bundled();

	@Test
	void namesNewCategoriesNewOperationsNewStagesAndWindowsMayChange() {
		Catalogue next = Catalogue.of(edit((content) -> {
			List<Programme> programmes = new ArrayList<>();
			for (Programme programme : content.programmes()) {
				List<Category> categories = new ArrayList<>();
				programme.categories()
					.forEach((c) -> categories.add(c.code().equals("FINES_IMPOSED")
							? new Category(c.code(), "fines (renamed)", c.unit(), c.parent()) : c));
				if (programme.code().equals("ILLEGAL")) {
					categories.add(new Category("FORGED_PASSPORTS", "forged passports seized", Unit.COUNT, null));
				}
				programmes
					.add(new Programme(programme.code(), programme.name() + "!", programme.council(), categories));
			}
			List<Operation> operations = new ArrayList<>();
			for (Operation operation : content.operations()) {
				if (operation.code().equals("ILLEGAL-2017")) {
					List<Stage> stages = new ArrayList<>(operation.stages());
					stages.set(0, new Stage(1, LocalDate.parse("2017-05-20"), LocalDate.parse("2017-06-05"),
							LocalDate.parse("2017-06-20")));
					stages.add(new Stage(3, LocalDate.parse("2017-11-01"), LocalDate.parse("2017-11-10")));
					operations.add(new Operation(operation.code(), operation.programme(), "renamed", stages, 5));
				}
				else {
					operations.add(operation);
				}
			}
			operations.add(new Operation("ILLEGAL-2018", "ILLEGAL", "Illegal 2018",
					List.of(new Stage(1, LocalDate.parse("2018-05-21"), LocalDate.parse("2018-06-01")))));
			return new CatalogueContent(content.states(), content.agencies(), programmes, operations);
		}));

		assertThat(CatalogueEvolution.check(BUNDLED, next)).isEmpty();
	}

	@Test
	void retiringAndReinstatingIsAllowed() {
		Catalogue retired = Catalogue.of(retire(BUNDLED.content(), "FINES_IMPOSED"));

		assertThat(CatalogueEvolution.check(BUNDLED, retired)).isEmpty();
		assertThat(retired.category("FINES_IMPOSED")).get().extracting(Category::retired).isEqualTo(true);
		assertThat(CatalogueEvolution.check(retired, BUNDLED)).as("reinstated").isEmpty();
	}

	@Test
	void aCategoryCannotBeRemovedNorChangeItsUnitParentOrProgramme() {
		Catalogue removed = Catalogue
			.of(mapCategories(BUNDLED.content(), (c) -> c.code().equals("WANTED_PERSONS_DETAINED") ? null : c));
		assertThat(CatalogueEvolution.check(BUNDLED, removed)).extracting(Violation::field)
			.containsExactly("categories.WANTED_PERSONS_DETAINED");

		Catalogue unit = Catalogue.of(mapCategories(BUNDLED.content(), (c) -> c.code().equals("WANTED_PERSONS_DETAINED")
				? new Category(c.code(), c.name(), Unit.KILOGRAM, null) : c));
		assertThat(CatalogueEvolution.check(BUNDLED, unit)).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("categories.WANTED_PERSONS_DETAINED.unit");
			assertThat(violation.reason()).contains("COUNT").contains("KILOGRAM");
		});

		Catalogue parent = Catalogue
			.of(mapCategories(BUNDLED.content(), (c) -> c.code().equals("CASES_DRUG_TRAFFICKING")
					? new Category(c.code(), c.name(), c.unit(), null) : c));
		assertThat(CatalogueEvolution.check(BUNDLED, parent)).extracting(Violation::field)
			.containsExactly("categories.CASES_DRUG_TRAFFICKING.parent");

		Catalogue moved = Catalogue.of(edit((content) -> {
			Category wanted = BUNDLED.category("WANTED_PERSONS_DETAINED").orElseThrow();
			CatalogueContent without = mapCategories(content,
					(c) -> c.code().equals("WANTED_PERSONS_DETAINED") ? null : c);
			List<Programme> programmes = without.programmes()
				.stream()
				.map((p) -> p.code().equals("KANAL")
						? new Programme(p.code(), p.name(), p.council(), concat(p.categories(), wanted)) : p)
				.toList();
			return new CatalogueContent(content.states(), content.agencies(), programmes, content.operations());
		}));
		assertThat(CatalogueEvolution.check(BUNDLED, moved)).extracting(Violation::field)
			.containsExactly("categories.WANTED_PERSONS_DETAINED.programme");
	}

	@Test
	void aStageWindowMayWidenButNotNarrow() {
		Catalogue narrowed = Catalogue
			.of(edit((content) -> new CatalogueContent(content.states(), content.agencies(), content.programmes(),
					content.operations()
						.stream()
						.map((o) -> o.code().equals("ILLEGAL-2017")
								? new Operation(o.code(), o.programme(), o.name(),
										List.of(new Stage(1, LocalDate.parse("2017-05-23"),
												LocalDate.parse("2017-06-02")), o.stages().get(1)),
										o.reportingDays())
								: o)
						.toList())));

		assertThat(CatalogueEvolution.check(BUNDLED, narrowed)).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("operations.ILLEGAL-2017.stages");
			assertThat(violation.reason()).contains("may widen but not narrow");
		});
	}

	@Test
	void nothingElseCanBeRemovedAndAnOperationKeepsItsProgrammeAndStages() {
		CatalogueContent content = BUNDLED.content();
		Catalogue fewer = Catalogue.of(new CatalogueContent(content.states().subList(1, content.states().size()),
				content.agencies().subList(1, content.agencies().size()), content.programmes(),
				content.operations().stream().filter((o) -> !o.code().equals("KANAL-DEMO")).toList()));
		assertThat(CatalogueEvolution.check(BUNDLED, fewer)).extracting(Violation::field)
			.containsExactly("states.ARM", "agencies.INTERIOR", "operations.KANAL-DEMO");

		Catalogue changed = Catalogue
			.of(new CatalogueContent(content.states(), content.agencies(), content.programmes(), content.operations()
				.stream()
				.map((o) -> o.code().equals("ILLEGAL-2017")
						? new Operation(o.code(), "KANAL", o.name(), o.stages().subList(0, 1), o.reportingDays()) : o)
				.toList()));
		assertThat(CatalogueEvolution.check(BUNDLED, changed)).extracting(Violation::field)
			.containsExactly("operations.ILLEGAL-2017.programme", "operations.ILLEGAL-2017.stages");
	}

	@Test
	void aRetiredCategoryIsRefusedInNewSubmissionsButStillCountedAndWithdrawable() {
		ReportRules rules = new ReportRules(Catalogue.of(retire(BUNDLED.content(), "FINES_IMPOSED")));
		ReportRevision report = report(false);

		assertThat(rules.check(report)).as("what the aggregator applies: still counted").isEmpty();
		assertThat(rules.checkSubmission(report)).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("findings[1].category");
			assertThat(violation.reason()).contains("FINES_IMPOSED was retired");
		});
		assertThat(rules.checkSubmission(report(true))).as("a withdrawal").isEmpty();
	}

	@Test
	void aRetiredOperationTakesNoNewReports() {
		CatalogueContent content = BUNDLED.content();
		ReportRules rules = new ReportRules(Catalogue.of(new CatalogueContent(content.states(), content.agencies(),
				content.programmes(),
				content.operations().stream().map((o) -> o.code().equals("ILLEGAL-2017") ? o.retire() : o).toList())));

		assertThat(rules.check(report(false))).isEmpty();
		assertThat(rules.checkSubmission(report(false))).extracting(Violation::field).containsExactly("operation");
		assertThat(rules.checkSubmission(report(true))).isEmpty();
	}

	@Test
	void documentsRoundTripAndFilesWithoutRetiredStillLoad() {
		CatalogueContent retired = retire(BUNDLED.content(), "FINES_IMPOSED");
		CatalogueDocument document = new CatalogueDocument(7, Instant.parse("2026-05-04T10:15:30Z"), "secretariat",
				retired);

		String json = document.toJson();
		assertThat(json).contains("\"version\":7")
			.contains("\"changedAt\":\"2026-05-04T10:15:30Z\"")
			.contains("\"retired\":true")
			.doesNotContain("\"retired\":false");
		CatalogueDocument read = CatalogueDocument.fromJson(json);
		assertThat(read).isEqualTo(document);
		assertThat(Catalogue.of(read.catalogue()).category("FINES_IMPOSED").orElseThrow().retired()).isTrue();
		assertThat(BUNDLED.category("FINES_IMPOSED").orElseThrow().retired()).as("absent means false").isFalse();
	}

	@Test
	void aDocumentIsCompletedWithWhatTheStartUpContentHasAndItLacks() {
		CatalogueContent startUp = BUNDLED.content();
		CatalogueContent older = new CatalogueContent(startUp.states(), startUp.agencies(),
				mapCategories(startUp, (c) -> c.code().equals("CASES_ARMS_TRAFFICKING") ? null : c).programmes(),
				startUp.operations().subList(0, 1));

		Catalogue completed = Catalogue.of(older.withMissingFrom(startUp));

		assertThat(completed.operations()).hasSameSizeAs(startUp.operations());
		assertThat(completed.category("CASES_ARMS_TRAFFICKING")).isPresent();
		assertThat(CatalogueEvolution.check(BUNDLED, completed)).isEmpty();
	}

	private static ReportRevision report(boolean withdrawn) {
		return ReportRevision.newBuilder()
			.setReportId("KAZ-1")
			.setRevision(1)
			.setState("KAZ")
			.setAgency("INTERIOR")
			.setOperation("ILLEGAL-2017")
			.setStage(1)
			.setPeriodStart(LocalDate.parse("2017-05-22"))
			.setPeriodEnd(LocalDate.parse("2017-06-02"))
			.setFindings(List.of(
					Finding.newBuilder()
						.setCategory("IMMIGRATION_LAW_VIOLATIONS")
						.setQuantity(new BigDecimal("10"))
						.setUnit("COUNT")
						.build(),
					Finding.newBuilder()
						.setCategory("FINES_IMPOSED")
						.setQuantity(new BigDecimal("5.5"))
						.setUnit("MONEY")
						.setCurrency("USD")
						.build()))
			.setWithdrawn(withdrawn)
			.setSubmittedAt(Instant.parse("2017-06-03T08:00:00Z"))
			.build();
	}

	private static CatalogueContent edit(UnaryOperator<CatalogueContent> edit) {
		return edit.apply(BUNDLED.content());
	}

	private static CatalogueContent retire(CatalogueContent content, String category) {
		return mapCategories(content, (c) -> c.code().equals(category) ? c.retire() : c);
	}

	private static CatalogueContent mapCategories(CatalogueContent content, UnaryOperator<Category> map) {
		List<Programme> programmes = content.programmes()
			.stream()
			.map((p) -> new Programme(p.code(), p.name(), p.council(),
					p.categories().stream().map(map).filter(java.util.Objects::nonNull).toList()))
			.toList();
		return new CatalogueContent(content.states(), content.agencies(), programmes, content.operations());
	}

	private static <T> List<T> concat(List<T> list, T item) {
		List<T> all = new ArrayList<>(list);
		all.add(item);
		return all;
	}

}
