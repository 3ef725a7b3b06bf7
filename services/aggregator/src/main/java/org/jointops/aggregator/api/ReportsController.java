package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.aggregator.security.ReaderAccess;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traceability: the reports behind an operation's totals, each at its standing revision.
 */
@RestController
@RequestMapping("/api/v1/operations")
class ReportsController {

	private final OperationQueries queries;

	ReportsController(OperationQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/{operation}/reports")
	@Operation(summary = "The reports that make up an operation's totals",
			description = "Each report that counts, at its standing revision: agency, stage, submission time, "
					+ "how many revisions stood in turn, and its lines (only those of the asked categories). "
					+ "The lines of the reports listed add up to the totals with the same filter. Secretariat: every "
					+ "report; a state reader: its own state's only (state= another state is 403); observer: 403.")
	ReportsView reports(@PathVariable String operation,
			@Parameter(description = "member states, e.g. KAZ") @RequestParam(required = false) List<String> state,
			@Parameter(description = "stage numbers") @RequestParam(required = false) List<String> stage,
			@Parameter(description = "agencies, e.g. INTERIOR") @RequestParam(required = false) List<String> agency,
			@Parameter(description = "categories, e.g. FINES_IMPOSED") @RequestParam(
					required = false) List<String> category,
			@Parameter(description = "an instant, e.g. 2017-06-03T00:00:00Z") @RequestParam(
					required = false) Instant asOf) {
		TotalsFilter filter = ReaderAccess.reports(TotalsParameters.filter(state, stage, agency, category));
		this.queries.check(operation, filter);
		List<ReportView> reports = this.queries.reports(operation, asOf)
			.stream()
			.filter((entry) -> filter.matches(entry.getStanding()))
			.map((entry) -> ReportView.of(entry, filter))
			.toList();
		return new ReportsView(operation, this.queries.nameOf(operation), asOf, reports.size(), reports);
	}

}
