package org.jointops.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reference data both services validate and aggregate against: member states,
 * agencies, programmes with their finding categories, and operations with their stages.
 * Built from one or more {@link CatalogueContent} parts (see {@link CatalogueLoader});
 * checked for consistency on construction, immutable afterwards.
 */
public final class Catalogue {

	/**
	 * What a code of the catalogue (agency, programme, category, operation) is made of:
	 * upper-case letters, digits, {@code _} and {@code -}, starting with a letter or
	 * digit.
	 */
	public static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9_-]*$";

	private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{3}");

	private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

	private final Map<String, MemberState> states;

	private final Map<String, Agency> agencies;

	private final Map<String, Programme> programmes;

	private final Map<String, Operation> operations;

	private final Map<String, Category> categories;

	private final Map<String, String> programmeOfCategory;

	private final Map<String, Integer> categoryRank;

	private Catalogue(List<CatalogueContent> parts) {
		List<String> problems = new ArrayList<>();
		this.states = index("state", parts, CatalogueContent::states, MemberState::code, problems);
		this.agencies = index("agency", parts, CatalogueContent::agencies, Agency::code, problems);
		this.programmes = index("programme", parts, CatalogueContent::programmes, Programme::code, problems);
		this.operations = index("operation", parts, CatalogueContent::operations, Operation::code, problems);
		this.categories = new LinkedHashMap<>();
		this.programmeOfCategory = new HashMap<>();
		this.categoryRank = new HashMap<>();
		for (Programme programme : this.programmes.values()) {
			for (Category category : programme.categories()) {
				if (this.categories.putIfAbsent(category.code(), category) != null) {
					problems.add("category " + category.code() + " is defined more than once");
				}
				this.programmeOfCategory.putIfAbsent(category.code(), programme.code());
				this.categoryRank.putIfAbsent(category.code(), this.categoryRank.size());
			}
		}
		this.states.keySet()
			.stream()
			.filter((code) -> !STATE_CODE.matcher(code).matches())
			.forEach((code) -> problems.add("state " + code + " is not an ISO 3166-1 alpha-3 code"));
		this.agencies.keySet()
			.stream()
			.filter((code) -> !CODE.matcher(code).matches())
			.forEach((code) -> problems.add("agency code " + code + " must be upper-case letters, digits, _ or -"));
		this.programmes.values().forEach((programme) -> checkProgramme(programme, problems));
		this.operations.values().forEach((operation) -> checkOperation(operation, problems));
		if (!problems.isEmpty()) {
			throw new InvalidCatalogueException(problems);
		}
	}

	/**
	 * Merges catalogue parts into one catalogue. Parts only add: a code defined twice is
	 * an error.
	 * @param parts the parts, e.g. the bundled file then extra files
	 * @return the catalogue
	 * @throws InvalidCatalogueException listing every problem found
	 */
	public static Catalogue of(List<CatalogueContent> parts) {
		return new Catalogue(parts);
	}

	/**
	 * One catalogue document as a catalogue.
	 * @param content the document
	 * @return the catalogue
	 * @throws InvalidCatalogueException listing every problem found
	 */
	public static Catalogue of(CatalogueContent content) {
		return new Catalogue(List.of(content));
	}

	/**
	 * This catalogue as one document, in the format of the bundled file: what the
	 * {@code catalogue.changes} topic carries.
	 * @return its content
	 */
	public CatalogueContent content() {
		return new CatalogueContent(states(), agencies(), programmes(), operations());
	}

	/**
	 * The programme a category belongs to.
	 * @param categoryCode a category code
	 * @return its programme's code, if the category is known
	 */
	public Optional<String> programmeOf(String categoryCode) {
		return Optional.ofNullable(this.programmeOfCategory.get(categoryCode));
	}

	/**
	 * A programme by code.
	 * @param code programme code
	 * @return the programme, if any
	 */
	public Optional<Programme> programme(String code) {
		return Optional.ofNullable(this.programmes.get(code));
	}

	private static <T> Map<String, T> index(String kind, List<CatalogueContent> parts,
			Function<CatalogueContent, List<T>> items, Function<T, String> code, List<String> problems) {
		Map<String, T> index = new LinkedHashMap<>();
		for (CatalogueContent part : parts) {
			for (T item : items.apply(part)) {
				String key = code.apply(item);
				if (key == null || key.isBlank()) {
					problems.add("a " + kind + " has no code");
				}
				else if (index.putIfAbsent(key, item) != null) {
					problems.add(kind + " " + key + " is defined more than once");
				}
			}
		}
		return index;
	}

	private void checkProgramme(Programme programme, List<String> problems) {
		Set<String> own = new HashSet<>();
		programme.categories().forEach((category) -> own.add(category.code()));
		for (Category category : programme.categories()) {
			String where = "category " + category.code() + " of programme " + programme.code();
			if (category.code() == null || !CODE.matcher(category.code()).matches()) {
				problems.add(where + ": code must be upper-case letters, digits, _ or -");
			}
			if (category.unit() == null) {
				problems.add(where + ": unit is required (one of COUNT, KILOGRAM, MONEY)");
			}
			if (category.parent() != null) {
				Category parent = this.categories.get(category.parent());
				if (!own.contains(category.parent()) || parent == null) {
					problems.add(where + ": parent " + category.parent() + " is not a category of the same programme");
				}
				else if (parent.isPartOfParent()) {
					problems.add(where + ": parent " + category.parent() + " is itself an 'of which' line");
				}
				else if (parent.unit() != category.unit()) {
					problems.add(where + ": unit " + category.unit() + " differs from its parent's " + parent.unit());
				}
			}
		}
	}

	private void checkOperation(Operation operation, List<String> problems) {
		String where = "operation " + operation.code();
		if (!this.programmes.containsKey(operation.programme())) {
			problems.add(where + ": unknown programme " + operation.programme());
		}
		if (operation.reportingDays() != null && operation.reportingDays() < 0) {
			problems.add(where + ": reportingDays must not be negative");
		}
		if (operation.stages().isEmpty()) {
			problems.add(where + ": has no stages");
		}
		Set<Integer> numbers = new HashSet<>();
		for (Stage stage : operation.stages()) {
			if (stage.stage() < 1 || !numbers.add(stage.stage())) {
				problems.add(where + ": stage numbers must be unique and start from 1");
			}
			if (stage.start() == null || stage.end() == null) {
				problems.add(where + ", stage " + stage.stage() + ": start and end are required");
			}
			else if (stage.end().isBefore(stage.start())) {
				problems.add(where + ", stage " + stage.stage() + ": ends before it starts");
			}
			else if (stage.reportBy() != null && stage.reportBy().isBefore(stage.end())) {
				problems.add(where + ", stage " + stage.stage() + ": reportBy is before the stage ends");
			}
		}
	}

	public List<MemberState> states() {
		return List.copyOf(this.states.values());
	}

	public Optional<MemberState> state(String code) {
		return Optional.ofNullable(this.states.get(code));
	}

	public List<Agency> agencies() {
		return List.copyOf(this.agencies.values());
	}

	public Optional<Agency> agency(String code) {
		return Optional.ofNullable(this.agencies.get(code));
	}

	public List<Programme> programmes() {
		return List.copyOf(this.programmes.values());
	}

	public List<Operation> operations() {
		return List.copyOf(this.operations.values());
	}

	public Optional<Operation> operation(String code) {
		return Optional.ofNullable(this.operations.get(code));
	}

	/**
	 * A category by code, whatever its programme.
	 * @param code category code
	 * @return the category, if any
	 */
	public Optional<Category> category(String code) {
		return Optional.ofNullable(this.categories.get(code));
	}

	/**
	 * The categories an operation may report: those of its programme, in council order.
	 * @param operation an operation of this catalogue
	 * @return its categories
	 */
	public List<Category> categoriesOf(Operation operation) {
		Programme programme = this.programmes.get(operation.programme());
		return (programme != null) ? programme.categories() : List.of();
	}

	/**
	 * Whether an operation may report a category.
	 * @param operation an operation of this catalogue
	 * @param categoryCode a category code
	 * @return true if the category belongs to the operation's programme
	 */
	public boolean allows(Operation operation, String categoryCode) {
		return operation.programme().equals(this.programmeOfCategory.get(categoryCode));
	}

	/**
	 * Position of a category in council order (programme by programme, as listed), for
	 * sorting totals; unknown categories come last.
	 * @param categoryCode a category code
	 * @return its rank
	 */
	public int rankOf(String categoryCode) {
		return this.categoryRank.getOrDefault(categoryCode, Integer.MAX_VALUE);
	}

}
