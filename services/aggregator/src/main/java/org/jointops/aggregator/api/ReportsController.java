package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.openapi.FilteredQueryRefusals;
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
@Tag(name = ReportsController.TRACEABILITY)
class ReportsController {

	/** The tag of traceability and completeness in the API description. */
	static final String TRACEABILITY = "traceability";

	private final OperationQueries queries;

	ReportsController(OperationQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/{operation}/reports")
	@Operation(operationId = "listReports", summary = "The reports that make up an operation's totals",
			description = """
					Each report that counts, at its standing revision: agency, stage, period, submission time, \
					how many revisions stood in turn, the totals' version it produced, and its lines (with a \
					category filter, only the reports with a line in it, and only those lines). The quantities \
					listed add up to the totals asked for with the same filters and `asOf`. The secretariat sees \
					every report; a state reader its own state's only (no `state=` means its own; another state \
					is 403); an observer none (403).""")
	@ApiResponse(responseCode = "200", description = "The reports")
	@ApiResponse(responseCode = "403",
			description = "An observer, a state reader asking for another state, or a "
					+ "token that reads no reports (a monitoring token)")
	@FilteredQueryRefusals
	ReportsView reports(@PathVariable String operation, @RequestParam(required = false) List<String> state,
			@RequestParam(required = false) List<String> stage, @RequestParam(required = false) List<String> agency,
			@RequestParam(required = false) List<String> category, @RequestParam(required = false) Instant asOf) {
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
