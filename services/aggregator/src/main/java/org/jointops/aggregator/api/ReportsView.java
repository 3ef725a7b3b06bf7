package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The reports behind an operation's totals.
 *
 * @param operation operation code
 * @param name operation name from the catalogue
 * @param asOf the instant asked for, absent for now
 * @param count how many reports are listed
 * @param reports the reports, by state, agency and report id
 */
@Schema(name = "StandingReports", description = "The reports behind an operation's totals: their lines add up to "
		+ "the totals asked for with the same filters.")
record ReportsView(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(description = "Its name in the catalogue; null if the catalogue does not have it", nullable = true,
				example = "Illegal 2017") String name,
		@Schema(description = "The instant asked for, if any") @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
		@Schema(description = "How many reports are listed", example = "1") int count,
		@Schema(description = "By state, agency and report id") List<ReportView> reports) {
}
