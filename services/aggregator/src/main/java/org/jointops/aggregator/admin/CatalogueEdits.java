package org.jointops.aggregator.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Programme;
import org.jointops.catalogue.Stage;
import org.jointops.catalogue.Unit;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;

/**
 * The admin API's changes, as pure functions from one catalogue to the next. Each checks
 * its request; the whole result is checked afterwards ({@link CatalogueChanges}).
 */
final class CatalogueEdits {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,49}");

	private static final int MAX_NAME = 300;

	private CatalogueEdits() {
	}

	/**
	 * Creates or replaces an operation (a replaced one keeps its retirement).
	 * @param catalogue the current catalogue
	 * @param code the operation's code
	 * @param request the operation as the request gives it
	 * @return the catalogue's content with the operation in place
	 * @throws InvalidChangeException if the code or the request is not valid
	 */
	static CatalogueContent putOperation(Catalogue catalogue, String code, OperationRequest request) {
		List<Violation> problems = new ArrayList<>();
		checkCode("code", code, problems);
		checkName(request.name(), problems);
		if (request.programme() == null || request.programme().isBlank()) {
			problems.add(new Violation("programme", "is required: the programme whose categories it reports"));
		}
		else if (catalogue.programme(request.programme()).isEmpty()) {
			problems.add(new Violation("programme", "no programme " + Untrusted.quoted(request.programme())));
		}
		if (request.stages() == null || request.stages().isEmpty()) {
			problems.add(new Violation("stages", "at least one stage, numbered from 1, with start and end"));
		}
		else {
			for (int i = 0; i < request.stages().size(); i++) {
				Stage stage = request.stages().get(i);
				if (stage == null || stage.start() == null || stage.end() == null) {
					problems.add(new Violation("stages[" + i + "]", "start and end are required"));
				}
			}
		}
		if (request.reportingDays() != null && request.reportingDays() < 0) {
			problems.add(new Violation("reportingDays", "must not be negative"));
		}
		reject(problems);
		boolean retired = catalogue.operation(code).map(Operation::retired).orElse(false);
		Operation operation = new Operation(code, request.programme(), request.name().trim(), request.stages(),
				request.reportingDays(), retired);
		CatalogueContent content = catalogue.content();
		return new CatalogueContent(content.states(), content.agencies(), content.programmes(),
				replace(content.operations(), operation, Operation::code));
	}

	/**
	 * Creates a category or changes its name (its unit and parent are checked by the
	 * evolution rules; a retired one stays retired).
	 * @param catalogue the current catalogue
	 * @param programme the code of the programme the category belongs to
	 * @param code the category's code
	 * @param request the category as the request gives it
	 * @return the catalogue's content with the category in place
	 * @throws UnknownEntryException if the catalogue has no such programme
	 * @throws InvalidChangeException if the code or the request is not valid
	 */
	static CatalogueContent putCategory(Catalogue catalogue, String programme, String code, CategoryRequest request) {
		Programme target = programme(catalogue, programme);
		List<Violation> problems = new ArrayList<>();
		checkCode("code", code, problems);
		checkName(request.name(), problems);
		Unit unit = null;
		if (request.unit() == null) {
			problems.add(new Violation("unit", "is required: one of COUNT, KILOGRAM, MONEY"));
		}
		else {
			try {
				unit = Unit.valueOf(request.unit().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Violation("unit",
						Untrusted.quoted(request.unit()) + " is not a unit: one of COUNT, KILOGRAM, MONEY"));
			}
		}
		Optional<String> owner = catalogue.programmeOf(code);
		if (owner.isPresent() && !owner.get().equals(target.code())) {
			problems.add(new Violation("programme", "category " + code + " belongs to programme " + owner.get()
					+ "; a category never moves to another programme (old figures would change meaning)"));
		}
		reject(problems);
		boolean retired = catalogue.category(code).map(Category::retired).orElse(false);
		String parent = (request.parent() != null && !request.parent().isBlank()) ? request.parent().trim() : null;
		Category category = new Category(code, request.name().trim(), unit, parent, retired);
		return withProgramme(catalogue, new Programme(target.code(), target.name(), target.council(),
				replace(target.categories(), category, Category::code)));
	}

	/**
	 * Retires a category: kept, counted and listed, refused in new submissions.
	 * @param catalogue the current catalogue
	 * @param programme the code of the programme the category belongs to
	 * @param code the category's code
	 * @return the catalogue's content with the category retired
	 * @throws UnknownEntryException if the programme or the category is not in the
	 * catalogue
	 */
	static CatalogueContent retireCategory(Catalogue catalogue, String programme, String code) {
		Programme target = programme(catalogue, programme);
		Category category = target.categories()
			.stream()
			.filter((c) -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new UnknownEntryException(
					"Programme " + target.code() + " has no category " + Untrusted.shortened(code)));
		return withProgramme(catalogue, new Programme(target.code(), target.name(), target.council(),
				replace(target.categories(), category.retire(), Category::code)));
	}

	/**
	 * Retires an operation: kept, counted and listed, refused in new submissions.
	 * @param catalogue the current catalogue
	 * @param code the operation's code
	 * @return the catalogue's content with the operation retired
	 * @throws UnknownEntryException if the catalogue has no such operation
	 */
	static CatalogueContent retireOperation(Catalogue catalogue, String code) {
		Operation operation = catalogue.operation(code)
			.orElseThrow(() -> new UnknownEntryException("No operation " + Untrusted.shortened(code)));
		CatalogueContent content = catalogue.content();
		return new CatalogueContent(content.states(), content.agencies(), content.programmes(),
				replace(content.operations(), operation.retire(), Operation::code));
	}

	private static Programme programme(Catalogue catalogue, String programme) {
		return catalogue.programme(programme)
			.orElseThrow(() -> new UnknownEntryException("No programme " + Untrusted.shortened(programme)));
	}

	private static CatalogueContent withProgramme(Catalogue catalogue, Programme programme) {
		CatalogueContent content = catalogue.content();
		return new CatalogueContent(content.states(), content.agencies(),
				replace(content.programmes(), programme, Programme::code), content.operations());
	}

	private static <T> List<T> replace(List<T> items, T item, java.util.function.Function<T, String> code) {
		List<T> all = new ArrayList<>();
		boolean replaced = false;
		for (T existing : items) {
			if (code.apply(existing).equals(code.apply(item))) {
				all.add(item);
				replaced = true;
			}
			else {
				all.add(existing);
			}
		}
		if (!replaced) {
			all.add(item);
		}
		return all;
	}

	private static void checkCode(String field, String code, List<Violation> problems) {
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new Violation(field, Untrusted.quoted(code)
					+ " is not a code: 1 to 50 upper-case letters, digits, _ or -, starting with a letter or digit"));
		}
	}

	private static void checkName(String name, List<Violation> problems) {
		if (name == null || name.isBlank()) {
			problems.add(new Violation("name", "is required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new Violation("name", "at most " + MAX_NAME + " characters"));
		}
	}

	private static void reject(List<Violation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidChangeException(problems);
		}
	}

	/**
	 * Body of {@code PUT /api/v1/admin/catalogue/operations/{code}}.
	 *
	 * @param programme code of its programme
	 * @param name its name
	 * @param stages its stages: number, start, end and optionally reportBy
	 * @param reportingDays days after a stage's end by which reports are due, or null
	 */
	@Schema(name = "OperationChange", description = "An operation, whole: a new one, or new windows, deadlines or "
			+ "stages of an existing one (a stage's window may widen, never narrow; nothing is removed).")
	record OperationRequest(
			@Schema(description = "Code of its programme; never changes", example = "ILLEGAL",
					requiredMode = Schema.RequiredMode.REQUIRED) String programme,
			@Schema(description = "Its name, at most 300 characters", example = "Illegal 2018",
					requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "Its stages, numbered from 1, with start and end (both inclusive) and optionally "
					+ "`reportBy`", requiredMode = Schema.RequiredMode.REQUIRED) List<Stage> stages,
			@Schema(description = "Days after a stage's last day by which every member state is due to have "
					+ "reported (a stage's `reportBy` overrides it); absent or null for no deadline", minimum = "0",
					example = "10") Integer reportingDays) {
	}

	/**
	 * Body of {@code PUT
	 * /api/v1/admin/catalogue/programmes/{programme}/categories/{code}}.
	 *
	 * @param name what is counted
	 * @param unit COUNT, KILOGRAM or MONEY (never changes once set)
	 * @param parent the category it is an <em>of which</em> line of, or null (never
	 * changes once set)
	 */
	@Schema(name = "CategoryChange", description = "A category: a new one, or a new name of an existing one (its "
			+ "unit, parent and programme never change).")
	record CategoryRequest(
			@Schema(description = "What is counted, as councils publish it; at most 300 characters",
					example = "forged passports seized", requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(implementation = Unit.class, requiredMode = Schema.RequiredMode.REQUIRED) String unit,
			@Schema(description = "The category this is an *of which* line of, in the same programme and unit; "
					+ "absent or null for none", example = "CASES_OTHER_CRIMES") String parent) {
	}

}
