package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jointops.aggregator.topology.Ledgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.ledger.OperationLedger;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.stereotype.Component;

/**
 * What every read of an operation's figures starts from: the operation (of the catalogue
 * or named by reports), its ledger now or at an instant, its history, and the check of a
 * query's filter against the catalogue.
 */
@Component
public class OperationQueries {

	private final LedgerStore ledgers;

	private final CurrentCatalogue catalogue;

	public OperationQueries(LedgerStore ledgers, CurrentCatalogue catalogue) {
		this.ledgers = ledgers;
		this.catalogue = catalogue;
	}

	/**
	 * The catalogue that applies now.
	 * @return the current catalogue version: ask once per request and use that one
	 */
	public Catalogue catalogue() {
		return this.catalogue.current();
	}

	/**
	 * Every operation's current ledger.
	 * @return the ledgers
	 */
	public List<OperationLedger> ledgers() {
		return this.ledgers.ledgers();
	}

	/**
	 * An operation's ledger.
	 * @param operation operation code
	 * @param asOf an instant, or null for the current ledger
	 * @return the ledger; an operation without reports (at that instant) has an empty
	 * ledger at version 0
	 * @throws UnknownOperationException if neither the catalogue nor any report names it
	 * @throws HistoryUnavailableException if the history needed for {@code asOf} is not
	 * complete
	 */
	public OperationLedger ledger(String operation, Instant asOf) {
		if (asOf == null) {
			return this.ledgers.ledger(operation).orElseGet(() -> emptyLedger(operation));
		}
		return history(operation).ledgerAsOf(asOf);
	}

	/**
	 * An operation's whole history, from its first change: what as-of totals,
	 * traceability and completeness are read from.
	 * @param operation operation code
	 * @return its changes
	 * @throws UnknownOperationException if neither the catalogue nor any report names it
	 * @throws HistoryUnavailableException if the history does not go back to the first
	 * change (the operation was counted before histories were recorded): answers read
	 * from it would silently leave reports out
	 */
	public OperationHistory history(String operation) {
		List<VersionedChange> changes = this.ledgers.history(operation);
		if (changes.isEmpty()) {
			known(operation);
		}
		OperationHistory history = OperationHistory.of(operation, changes);
		boolean missing = history.firstVersion() == 0 && this.ledgers.ledger(operation).isPresent();
		if (!history.isComplete() || missing) {
			throw new HistoryUnavailableException("The history of " + operation + " is not kept from its first "
					+ "change (the aggregator counted it before it recorded histories), so its totals at an "
					+ "instant, the reports behind them and its completeness cannot be given exactly");
		}
		return history;
	}

	/**
	 * The catalogue's entry of an operation.
	 * @param operation operation code
	 * @return the entry, empty if only reports name it (the catalogue lost it)
	 */
	public Optional<Operation> catalogued(String operation) {
		return catalogue().operation(operation);
	}

	/**
	 * The name of an operation.
	 * @param operation operation code
	 * @return its name in the catalogue, or null
	 */
	public String nameOf(String operation) {
		return catalogued(operation).map(Operation::name).orElse(null);
	}

	/**
	 * Checks a filter against the catalogue: codes it does not know are refused, so that
	 * a misspelt one is not answered with zeros.
	 * @param operation operation code
	 * @param filter the filter
	 * @throws InvalidQueryException naming every unknown code
	 */
	public void check(String operation, TotalsFilter filter) {
		Catalogue catalogue = catalogue();
		List<Violation> problems = new ArrayList<>();
		filter.states()
			.stream()
			.filter((state) -> catalogue.state(state).isEmpty())
			.forEach((state) -> problems.add(new Violation("state", "no member state " + Untrusted.quoted(state))));
		filter.agencies()
			.stream()
			.filter((agency) -> catalogue.agency(agency).isEmpty())
			.forEach((agency) -> problems.add(new Violation("agency", "no agency " + Untrusted.quoted(agency))));
		Optional<Operation> known = catalogue.operation(operation);
		filter.categories()
			.stream()
			.filter((category) -> catalogue.category(category).isEmpty()
					|| known.map((op) -> !catalogue.allows(op, category)).orElse(false))
			.forEach((category) -> problems
				.add(new Violation("category", Untrusted.quoted(category) + " is not a category of " + operation)));
		known.ifPresent((op) -> filter.stages()
			.stream()
			.filter((stage) -> op.stage(stage).isEmpty())
			.forEach((stage) -> problems.add(new Violation("stage", operation + " has no stage " + stage))));
		if (!problems.isEmpty()) {
			throw new InvalidQueryException(problems);
		}
	}

	/**
	 * The categories of an operation in council order.
	 * @param operation operation code
	 * @return its categories, empty if it is not in the catalogue
	 */
	public List<Category> categoriesOf(String operation) {
		Catalogue catalogue = catalogue();
		return catalogue.operation(operation).map(catalogue::categoriesOf).orElse(List.of());
	}

	private OperationLedger emptyLedger(String operation) {
		known(operation);
		OperationLedger empty = Ledgers.empty();
		empty.setOperation(operation);
		return empty;
	}

	private void known(String operation) {
		if (catalogued(operation).isEmpty()) {
			throw new UnknownOperationException(operation);
		}
	}

}
