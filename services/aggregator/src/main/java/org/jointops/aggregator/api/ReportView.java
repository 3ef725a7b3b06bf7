package org.jointops.aggregator.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.catalogue.Unit;
import org.jointops.ledger.ReportEntry;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;

/**
 * One report behind a total, at its standing revision.
 *
 * @param state reporting member state
 * @param reportId the agency's report id
 * @param agency reporting agency
 * @param stage stage reported on
 * @param periodStart first day of the reporting period
 * @param periodEnd last day of the reporting period
 * @param revision the standing revision
 * @param revisions how many revisions of the report have stood in turn, this one included
 * @param submittedAt when the producer accepted the standing revision
 * @param version the totals' version its standing revision produced
 * @param findings its lines (with a category filter, only those)
 */
@Schema(name = "StandingReport", description = "A report that counts, at its standing revision.")
record ReportView(@Schema(example = "KAZ") String state, @Schema(example = "KAZ-INTERIOR-2017-0001") String reportId,
		@Schema(example = "INTERIOR") String agency, @Schema(example = "1") int stage, LocalDate periodStart,
		LocalDate periodEnd, @Schema(description = "The standing revision", example = "2") int revision,
		@Schema(description = "How many revisions of the report have stood in turn, withdrawals included",
				example = "2") int revisions,
		@Schema(description = "When the producer accepted the standing revision") Instant submittedAt,
		@Schema(description = "The totals' version the standing revision produced", example = "4") long version,
		@Schema(description = "Its lines (with a category filter, only those)") List<FindingView> findings) {

	static ReportView of(ReportEntry entry, TotalsFilter filter) {
		ReportRevision report = entry.getStanding();
		return new ReportView(report.getState(), report.getReportId(), report.getAgency(), report.getStage(),
				report.getPeriodStart(), report.getPeriodEnd(), report.getRevision(), entry.getRevisions(),
				report.getSubmittedAt(), entry.getVersion(),
				report.getFindings().stream().filter(filter::keeps).map(FindingView::of).toList());
	}

	/**
	 * One line of a report, exact at its unit's scale.
	 *
	 * @param category category code
	 * @param unit COUNT, KILOGRAM or MONEY
	 * @param currency ISO 4217 code, for money only
	 * @param quantity the quantity
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "ReportLine", description = "One line of a report.")
	record FindingView(@Schema(example = "IMMIGRATION_LAW_VIOLATIONS") String category,
			@Schema(implementation = Unit.class) String unit,
			@Schema(description = "ISO 4217 code, for money only") String currency,
			@Schema(example = "120") BigDecimal quantity) {

		static FindingView of(Finding finding) {
			int scale = Unit.valueOf(finding.getUnit()).scale();
			return new FindingView(finding.getCategory(), finding.getUnit(), finding.getCurrency(),
					finding.getQuantity().setScale(scale, RoundingMode.UNNECESSARY));
		}

	}

}
