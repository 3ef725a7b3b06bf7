package org.jointops.aggregator.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jointops.aggregator.topology.Ledgers;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat's read API: which operations have totals, and an operation's council
 * totals.
 */
@RestController
@RequestMapping("/api/v1/operations")
class OperationsController {

	private final LedgerStore ledgers;

	private final Catalogue catalogue;

	OperationsController(LedgerStore ledgers, Catalogue catalogue) {
		this.ledgers = ledgers;
		this.catalogue = catalogue;
	}

	/** The operations that reports have named, most recently changed first. */
	@GetMapping
	Map<String, List<OperationEntry>> operations() {
		List<OperationEntry> operations = this.ledgers.ledgers()
			.stream()
			.map((ledger) -> new OperationEntry(ledger.getOperation(), nameOf(ledger.getOperation()),
					Ledgers.reports(ledger), ledger.getVersion(), ledger.getUpdatedAt()))
			.sorted(Comparator.comparing(OperationEntry::updatedAt).reversed())
			.toList();
		return Map.of("operations", operations);
	}

	/**
	 * The council totals of an operation. An operation of the catalogue without reports
	 * yet has empty totals; one that is nowhere is 404.
	 */
	@GetMapping("/{operation}/totals")
	OperationTotalsView totals(@PathVariable String operation) {
		return this.ledgers.ledger(operation)
			.map((ledger) -> OperationTotalsView.of(Ledgers.councilTotals(ledger, this.catalogue), nameOf(operation)))
			.orElseGet(() -> this.catalogue.operation(operation)
				.map((known) -> OperationTotalsView.none(known.code(), known.name()))
				.orElseThrow(() -> new UnknownOperationException(operation)));
	}

	private String nameOf(String operation) {
		return this.catalogue.operation(operation).map(Operation::name).orElse(null);
	}

}
