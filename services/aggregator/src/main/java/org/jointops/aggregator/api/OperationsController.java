package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.openapi.FilteredQueryRefusals;
import org.jointops.aggregator.openapi.StoresUnavailable;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.aggregator.routing.RoutedRead;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.ledger.OperationLedger;
import org.jointops.support.register.CurrentRegister;

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
@Tag(name = OperationsController.TOTALS)
class OperationsController {

	/** The tag of the totals' operations in the API description. */
	static final String TOTALS = "totals";

	private final OperationQueries queries;

	private final CurrentRegister register;

	OperationsController(OperationQueries queries, CurrentRegister register) {
		this.queries = queries;
		this.register = register;
	}

	@GetMapping
	@Operation(operationId = "listOperations",
			summary = "The operations that reports have named, most recently changed first (then by code)",
			description = "Each with its name, the number of reports that count, and the version and time of its "
					+ "totals. An operation of the catalogue without reports is not listed (its totals answer, "
					+ "empty).")
	@ApiResponse(responseCode = "200", description = "The operations, under `operations`")
	@StoresUnavailable
	OperationsView operations() {
		List<OperationEntry> operations = this.queries.operations()
			.stream()
			.map((state) -> new OperationEntry(state.getOperation(), this.queries.nameOf(state.getOperation()),
					state.getReports(), state.getVersion(), state.getUpdatedAt()))
			// ties in code order: every instance lists them alike, whichever holds which
			.sorted(Comparator.comparing(OperationEntry::updatedAt).reversed().thenComparing(OperationEntry::operation))
			.toList();
		return new OperationsView(operations);
	}

	@GetMapping("/{operation}/totals")
	@Operation(operationId = "getTotals", summary = "The council totals of an operation", description = """
			Filtered by state, stage, agency and category: `reports` then counts the reports of the \
			states, stages and agencies kept; a category filter narrows the lines only. With `asOf`, the \
			totals as they stood at that instant: revisions submitted later, corrections and withdrawals \
			included, are left out. A breakdown by agency: the secretariat, or a state reader with \
			`state=` its own state alone (403 otherwise, and always for an observer). Money lines are \
			also given in US dollars (`usd`), and each money category's council total in US dollars \
			(`usdTotals`), under the secretariat's exchange rates in force (at `asOf` if asked); a missing \
			rate is named and leaves that total incomplete, never zero. The same totals (without the \
			conversion) are published on the compacted topic `council.totals`.""")
	@ApiResponse(responseCode = "200",
			description = "The totals (empty, version 0, for an operation of the catalogue without reports)")
	@ApiResponse(responseCode = "403",
			description = "A breakdown by agency the reader may not see, or a token "
					+ "that reads no totals (a monitoring token)")
	@FilteredQueryRefusals
	OperationTotalsView totals(@PathVariable String operation, @RequestParam(required = false) List<String> state,
			@RequestParam(required = false) List<String> stage, @RequestParam(required = false) List<String> agency,
			@RequestParam(required = false) List<String> category, @RequestParam(required = false) Instant asOf) {
		TotalsFilter filter = TotalsParameters.filter(state, stage, agency, category);
		ReaderAccess.checkTotals(filter);
		this.queries.check(operation, filter);
		OperationLedger ledger = filter.apply(this.queries.ledger(operation, asOf));
		Long standbyLag = RoutedRead.current().filter(RoutedRead::standby).map(RoutedRead::lag).orElse(null);
		return OperationTotalsView.of(Ledgers.councilTotals(ledger, this.queries.catalogue()),
				this.queries.nameOf(operation), asOf, standbyLag, this.register.of(operation));
	}

}
