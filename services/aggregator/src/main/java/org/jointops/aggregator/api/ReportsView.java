package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The reports behind an operation's totals.
 *
 * @param operation operation code
 * @param name operation name from the catalogue
 * @param asOf the instant asked for, absent for now
 * @param count how many reports are listed
 * @param reports the reports, by state, agency and report id
 */
record ReportsView(String operation, String name, @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf, int count,
		List<ReportView> reports) {
}
