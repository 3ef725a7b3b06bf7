package org.jointops.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What may change from one catalogue version to the next, so that every report already
 * counted stays readable and its figures stay right:
 * <ul>
 * <li>nothing is removed: no member state, agency, programme, category, operation or
 * stage (a category or an operation is <em>retired</em> instead, and a retired one may be
 * reinstated);</li>
 * <li>a category keeps its unit, its parent and its programme (changing them would make
 * old figures wrong: kilograms counted as a number, an <em>of which</em> line under
 * another total);</li>
 * <li>an operation keeps its programme (its reports' categories are that programme's);
 * </li>
 * <li>a stage's window may widen but not narrow (reports accepted for its days stay
 * valid, and can still be corrected or withdrawn);</li>
 * <li>anything else may change: names, councils, new entries of every kind, reporting
 * deadlines.</li>
 * </ul>
 * Each new version must also be a valid catalogue on its own ({@link Catalogue#of}).
 */
public final class CatalogueEvolution {

	private CatalogueEvolution() {
	}

	/**
	 * Every rule the change from one version to the next breaks.
	 * @param previous the current version
	 * @param next the proposed version
	 * @return the problems, each with the catalogue path it concerns (e.g.
	 * {@code categories.FINES_IMPOSED.unit}); empty if the change is allowed
	 */
	public static List<Violation> check(Catalogue previous, Catalogue next) {
		List<Violation> problems = new ArrayList<>();
		previous.states()
			.stream()
			.filter((state) -> next.state(state.code()).isEmpty())
			.forEach((state) -> problems.add(new Violation("states." + state.code(),
					"member state " + state.code() + " cannot be removed: its reports must stay readable")));
		previous.agencies()
			.stream()
			.filter((agency) -> next.agency(agency.code()).isEmpty())
			.forEach((agency) -> problems.add(new Violation("agencies." + agency.code(),
					"agency " + agency.code() + " cannot be removed: its reports must stay readable")));
		for (Programme programme : previous.programmes()) {
			if (next.programme(programme.code()).isEmpty()) {
				problems.add(new Violation("programmes." + programme.code(),
						"programme " + programme.code() + " cannot be removed: its reports must stay readable"));
			}
			for (Category category : programme.categories()) {
				checkCategory(programme, category, next, problems);
			}
		}
		for (Operation operation : previous.operations()) {
			checkOperation(operation, next, problems);
		}
		return problems;
	}

	/**
	 * Checks a change and throws if it breaks a rule.
	 * @param previous the current version
	 * @param next the proposed version
	 * @throws InvalidCatalogueException listing every problem
	 */
	public static void require(Catalogue previous, Catalogue next) {
		List<Violation> problems = check(previous, next);
		if (!problems.isEmpty()) {
			throw new InvalidCatalogueException(problems.stream().map(Violation::toString).toList());
		}
	}

	private static void checkCategory(Programme programme, Category category, Catalogue next,
			List<Violation> problems) {
		String at = "categories." + category.code();
		Optional<Category> now = next.category(category.code());
		if (now.isEmpty()) {
			problems.add(new Violation(at, "category " + category.code()
					+ " cannot be removed: reports counted in it must stay readable; retire it instead"));
			return;
		}
		String programmeNow = next.programmeOf(category.code()).orElse(null);
		if (!programme.code().equals(programmeNow)) {
			problems.add(new Violation(at + ".programme", "category " + category.code() + " belongs to programme "
					+ programme.code() + " and cannot move to " + programmeNow + ": old figures would change meaning"));
		}
		if (now.get().unit() != category.unit()) {
			problems.add(new Violation(at + ".unit", "category " + category.code() + " is counted in " + category.unit()
					+ " and cannot change to " + now.get().unit() + ": old figures would be wrong"));
		}
		if (!Objects.equals(now.get().parent(), category.parent())) {
			problems.add(new Violation(at + ".parent",
					"category " + category.code() + " has parent " + category.parent() + " and cannot change to "
							+ now.get().parent() + ": old figures would be summed under another line"));
		}
	}

	private static boolean narrows(Stage before, Stage after) {
		return before.start() != null && before.end() != null && after.start() != null && after.end() != null
				&& (after.start().isAfter(before.start()) || after.end().isBefore(before.end()));
	}

	private static void checkOperation(Operation operation, Catalogue next, List<Violation> problems) {
		String at = "operations." + operation.code();
		Optional<Operation> now = next.operation(operation.code());
		if (now.isEmpty()) {
			problems.add(new Violation(at, "operation " + operation.code()
					+ " cannot be removed: its reports must stay readable; retire it instead"));
			return;
		}
		if (!operation.programme().equals(now.get().programme())) {
			problems.add(new Violation(at + ".programme",
					"operation " + operation.code() + " belongs to programme " + operation.programme()
							+ " and cannot move to " + now.get().programme() + ": its reports' categories are "
							+ operation.programme() + "'s"));
		}
		for (Stage stage : operation.stages()) {
			Optional<Stage> stageNow = now.get().stage(stage.stage());
			if (stageNow.isEmpty()) {
				problems.add(new Violation(at + ".stages", "stage " + stage.stage() + " of " + operation.code()
						+ " cannot be removed: its reports must stay readable (its window may widen)"));
			}
			else if (narrows(stage, stageNow.get())) {
				problems.add(new Violation(at + ".stages",
						"stage " + stage.stage() + " of " + operation.code() + " runs " + stage.start() + " to "
								+ stage.end() + " and may widen but not narrow to " + stageNow.get().start() + " to "
								+ stageNow.get().end() + ": reports already accepted for its days must stay valid"));
			}
		}
	}

}
