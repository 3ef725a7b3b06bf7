package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.aggregator.approval.FiguresView;
import org.jointops.aggregator.approval.Finality;
import org.jointops.aggregator.rates.UsdConversion;
import org.jointops.aggregator.rates.UsdConversion.CategoryUsd;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.register.FigureStatus;
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
 * @param figures whether the figures are final, by state and stage (from the register);
 * absent for an operation the catalogue does not have
 * @param publication for the figures of a publication, which one; absent for live figures
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
				+ "`missing` rates while a rate is missing. Absent when there is no money line.") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CategoryUsd> usdTotals,
		@Schema(description = "FINAL or PRELIMINARY: the operation, each member state, each stage and each "
				+ "case, from the submissions the secretariat accepted (at `asOf`, if asked for); the same whatever "
				+ "the filters") @JsonInclude(JsonInclude.Include.NON_NULL) FiguresView figures,
		@Schema(description = "Only for published figures (a publication, and what an observer reads): which "
				+ "publication they are") @JsonInclude(JsonInclude.Include.NON_NULL) Publication publication) {

	/**
	 * The view of council totals.
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf) {
		return of(totals, name, asOf, null);
	}

	/**
	 * The view of council totals a standby replica may have answered, without conversion
	 * or marks.
	 * @param totals the totals
	 * @param name the operation's name
	 * @param asOf the instant asked for, or null
	 * @param standbyLag the lag of the standby replica that answered, or null
	 * @return the view; totals at version 0 have no time
	 */
	public static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf, Long standbyLag) {
		return of(totals, name, asOf, standbyLag, null, null);
	}

	/**
	 * The view of an operation's council totals with everything its register says of
	 * them, the one function behind the live totals and a publication's: money in US
	 * dollars under the exchange rates in force at {@code asOf} ({@link UsdConversion}),
	 * and whether the figures are final ({@link Finality}).
	 * @param totals the totals
	 * @param register the operation's register as it stands with these totals (live: the
	 * current one; a publication: the one it stored)
	 * @param catalogue the catalogue
	 * @param asOf the instant asked for, or null
	 * @param standbyLag the lag of the standby replica that answered, or null
	 * @return the view; an operation the catalogue does not have has no name and no marks
	 */
	public static OperationTotalsView of(CouncilTotals totals, RegisterDocument register, Catalogue catalogue,
			Instant asOf, Long standbyLag) {
		Optional<Operation> known = catalogue.operation(totals.getOperation());
		FiguresView figures = known
			.map((operation) -> Finality.of(register, operation,
					catalogue.states().stream().map(MemberState::code).toList(), asOf))
			.orElse(null);
		return of(totals, known.map(Operation::name).orElse(null), asOf, standbyLag,
				UsdConversion.of(totals, register, asOf), figures);
	}

	private static OperationTotalsView of(CouncilTotals totals, String name, Instant asOf, Long standbyLag,
			UsdConversion usd, FiguresView figures) {
		Instant updatedAt = (totals.getVersion() > 0) ? totals.getUpdatedAt() : null;
		return new OperationTotalsView(totals.getOperation(), name, totals.getVersion(), totals.getReports(), updatedAt,
				asOf, totals.getLines().stream().map((line) -> TotalLineView.of(line, usd)).toList(), standbyLag,
				(usd != null) ? usd.categories() : null, figures, null);
	}

	/**
	 * The same totals as the figures of a publication.
	 * @param publication the publication
	 * @return the view with its publication
	 */
	public OperationTotalsView published(Publication publication) {
		return new OperationTotalsView(this.operation, this.name, this.version, this.reports, this.updatedAt, this.asOf,
				this.totals, this.standbyLag, this.usdTotals, this.figures, publication);
	}

	/**
	 * Which publication published figures are.
	 *
	 * @param number from 1 per operation
	 * @param publishedAt when the secretariat published them
	 * @param status FINAL if every member state's figures for every stage were accepted
	 */
	@Schema(name = "PublicationStamp", description = "Which publication published figures are")
	public record Publication(@Schema(example = "2") int number, Instant publishedAt,
			@Schema(description = "FINAL if every member state's figures for every stage were accepted then, "
					+ "else PRELIMINARY") FigureStatus status) {

	}

}
