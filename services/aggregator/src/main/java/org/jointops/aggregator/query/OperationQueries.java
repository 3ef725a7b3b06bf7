package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportEntry;
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
	 * Every operation reports have named: version, report count and last change.
	 * @return the operations
	 */
	public List<OperationState> operations() {
		return this.ledgers.operations();
	}

	/**
	 * An operation's ledger.
	 * @param operation operation code
	 * @param asOf an instant, or null for the current ledger
	 * @return the ledger; an operation without reports (at that instant) has an empty
	 * ledger at version 0
	 * @throws UnknownOperationException if neither the catalogue nor any report names it
	 * @throws HistoryUnavailableException if the history before {@code asOf} was pruned
	 */
	public OperationLedger ledger(String operation, Instant asOf) {
		Optional<OperationLedger> live = this.ledgers.ledger(operation);
		if (live.isEmpty()) {
			return emptyLedger(operation);
		}
		return (asOf != null) ? this.ledgers.ledgerAsOf(operation, asOf) : live.get();
	}

	/**
	 * The reports that count in an operation, each at its standing revision.
	 * @param operation operation code
	 * @param asOf an instant, or null for now
	 * @return the counting reports, by state, agency and report id
	 * @throws UnknownOperationException if neither the catalogue nor any report names it
	 * @throws HistoryUnavailableException if the history before {@code asOf} was pruned
	 */
	public List<ReportEntry> reports(String operation, Instant asOf) {
		List<ReportEntry> reports = this.ledgers.reports(operation, asOf);
		if (reports.isEmpty()) {
			known(operation);
		}
		return reports.stream()
			.filter((entry) -> entry.getStanding() != null)
			.sorted(Comparator.comparing((ReportEntry entry) -> entry.getStanding().getState())
				.thenComparing((entry) -> entry.getStanding().getAgency())
				.thenComparing((entry) -> entry.getStanding().getReportId()))
			.toList();
	}

	/**
	 * Who submitted on each stage of an operation, and when.
	 * @param operation operation code
	 * @return each agency's activity by stage and state
	 */
	public Map<ActivityKey, Activity> activity(String operation) {
		return this.ledgers.activity(operation);
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
