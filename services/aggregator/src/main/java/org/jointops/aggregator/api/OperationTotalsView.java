package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.aggregator.rates.UsdConversion;
import org.jointops.aggregator.rates.UsdConversion.CategoryUsd;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;

/**
 * An operation's council totals, as the secretariat reads them.
 *
 * @param operation operation code
 * @param name operation name from the catalogue
 * @param version grows with every change of these totals
 * @param reports reports that currently count (highest revision, not withdrawn)
 * @param updatedAt submission time of the revision behind the latest change; null before
 * any
 * @param asOf the instant the totals stand at, when asked for (absent: now)
 * @param totals one line per category and, for money, per currency, in catalogue order
 * @param standbyLag when a standby replica answered (during a rebalance), how many
 * changelog records it was behind its active store; absent otherwise
 * @param usdTotals per money category, its council total in US dollars (absent without
 * money lines, or when not converted)
 */
@Schema(name = "OperationTotals",
		description = "An operation's council totals: one line per category (and, for money, per currency), in "
				+ "catalogue order, each by member state and by stage. Exact numbers: counts whole, money with 2 decimals, "
				+ "kilograms with 3. An *of which* category is a line of its own, never added into its parent.")
public record OperationTotalsView(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(description = "Its name in the catalogue; null if the catalogue does not have it", nullable = true,
				example = "Illegal 2017") String name,
		@Schema(description = "Grows with every change of these totals (with `asOf`: the latest change counted)",
				example = "14") long version,
		@Schema(description = "Reports that count (highest revision, not withdrawn), of the states, stages and "
				+ "agencies asked for", example = "11") long reports,
		@Schema(description = "The latest submission time among the revisions that changed these totals; null "
				+ "before any", nullable = true) Instant updatedAt,
		@Schema(description = "The instant asked for, if any") @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
		List<TotalLineView> totals,
		@Schema(description = "Only when a standby replica answered, while the instance that holds these totals "
				+ "was unreachable or Kafka Streams rebalanced: how many changelog records the replica was behind "
				+ "(also in the header `Jointops-Standby-Lag`)",
				example = "0") @JsonInclude(JsonInclude.Include.NON_NULL) Long standbyLag,
		@Schema(description = "Per money category, its council total in US dollars over every currency, under "
				+ "the exchange rates in force (at `asOf` if asked); `complete: false`, no `total` and the "
				+ "`missing` rates while a rate is missing. Absent when there is no money line.") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CategoryUsd> usdTotals) {

	/**
	 * The view of council totals, without conversion.
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf) {
		return of(totals, name, asOf, null);
	}

	/**
	 * The view of council totals a standby replica may have answered, without conversion.
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @param standbyLag the lag of the standby replica that answered, or null
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf, Long standbyLag) {
		return of(totals, name, asOf, standbyLag, null);
	}

	/**
	 * The view of council totals with their money in US dollars, under the exchange rates
	 * of a register in force at {@code asOf} ({@link UsdConversion}).
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @param standbyLag the lag of the standby replica that answered, or null
	 * @param register the operation's register (live, or stored with a publication), or
	 * null to convert nothing
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf, Long standbyLag,
			RegisterDocument register) {
		Instant updatedAt = (totals.getVersion() > 0) ? totals.getUpdatedAt() : null;
		UsdConversion usd = (register != null) ? UsdConversion.of(totals, register, asOf) : null;
		return new OperationTotalsView(totals.getOperation(), name, totals.getVersion(), totals.getReports(), updatedAt,
				asOf, totals.getLines().stream().map((line) -> TotalLineView.of(line, usd)).toList(), standbyLag,
				(usd != null) ? usd.categories() : null);
	}

}
