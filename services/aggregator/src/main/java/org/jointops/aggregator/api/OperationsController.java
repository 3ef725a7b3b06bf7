package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.ledger.OperationLedger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat's read API: which operations have totals, and an operation's council
 * totals, whole or filtered, now or at an instant.
 */
@RestController
@RequestMapping("/api/v1/operations")
class OperationsController {

	private final OperationQueries queries;

	OperationsController(OperationQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "The operations that reports have named, most recently changed first")
	Map<String, List<OperationEntry>> operations() {
		List<OperationEntry> operations = this.queries.operations()
			.stream()
			.map((state) -> new OperationEntry(state.getOperation(), this.queries.nameOf(state.getOperation()),
					state.getReports(), state.getVersion(), state.getUpdatedAt()))
			.sorted(Comparator.comparing(OperationEntry::updatedAt).reversed())
			.toList();
		return Map.of("operations", operations);
	}

	@GetMapping("/{operation}/totals")
	@Operation(summary = "The council totals of an operation",
			description = "Filtered by state, stage, agency and category (each repeatable or comma-separated); "
					+ "with asOf, as they stood at that instant (revisions submitted later left out). "
					+ "An operation of the catalogue without reports has empty totals; one that is nowhere is 404. "
					+ "A breakdown by agency: secretariat, or a state reader with state= its own state alone (403 "
					+ "otherwise, and always for an observer).")
	OperationTotalsView totals(@PathVariable String operation,
			@Parameter(description = "member states, e.g. KAZ") @RequestParam(required = false) List<String> state,
			@Parameter(description = "stage numbers") @RequestParam(required = false) List<String> stage,
			@Parameter(description = "agencies, e.g. INTERIOR") @RequestParam(required = false) List<String> agency,
			@Parameter(description = "categories, e.g. FINES_IMPOSED") @RequestParam(
					required = false) List<String> category,
			@Parameter(description = "an instant, e.g. 2017-06-03T00:00:00Z") @RequestParam(
					required = false) Instant asOf) {
		TotalsFilter filter = TotalsParameters.filter(state, stage, agency, category);
		ReaderAccess.checkTotals(filter);
		this.queries.check(operation, filter);
		OperationLedger ledger = filter.apply(this.queries.ledger(operation, asOf));
		return OperationTotalsView.of(Ledgers.councilTotals(ledger, this.queries.catalogue()),
				this.queries.nameOf(operation), asOf);
	}

}
