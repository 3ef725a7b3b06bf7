package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.openapi.FilteredQueryRefusals;
import org.jointops.aggregator.openapi.StoresUnavailable;
import org.jointops.aggregator.publication.Publications;
import org.jointops.aggregator.query.InvalidQueryException;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.aggregator.routing.RoutedRead;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Untrusted;
import org.jointops.ledger.OperationLedger;
import org.jointops.support.register.CurrentRegister;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	/** The media type of an Excel workbook. */
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final OperationQueries queries;

	private final CurrentRegister register;

	private final Publications publications;

	OperationsController(OperationQueries queries, CurrentRegister register, Publications publications) {
		this.queries = queries;
		this.register = register;
		this.publications = publications;
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
		if (ReaderAccess.readsPublishedFiguresOnly()) {
			return publishedOperations();
		}
		List<OperationEntry> operations = this.queries.operations()
			.stream()
			.map((state) -> new OperationEntry(state.getOperation(), this.queries.nameOf(state.getOperation()),
					state.getReports(), state.getVersion(), state.getUpdatedAt()))
			// ties in code order: every instance lists them alike, whichever holds which
			.sorted(Comparator.comparing(OperationEntry::updatedAt).reversed().thenComparing(OperationEntry::operation))
			.toList();
		return new OperationsView(operations);
	}

	@GetMapping(path = "/{operation}/totals", produces = { MediaType.APPLICATION_JSON_VALUE, XLSX })
	@Operation(operationId = "getTotals", summary = "The council totals of an operation", description = """
			Filtered by state, stage, agency and category: `reports` then counts the reports of the \
			states, stages and agencies kept; a category filter narrows the lines only. With `asOf`, the \
			totals as they stood at that instant: revisions submitted later, corrections and withdrawals \
			included, are left out. A breakdown by agency: the secretariat, or a state reader with \
			`state=` its own state alone (403 otherwise, and always for an observer). Money lines are \
			also given in US dollars (`usd`), and each money category's council total in US dollars \
			(`usdTotals`), under the secretariat's exchange rates in force (at `asOf` if asked); a missing \
			rate is named and leaves that total incomplete, never zero. Marks say whether the figures are \
			FINAL or PRELIMINARY (`figures`). The same totals (without conversion or marks) are published \
			on the compacted topic `council.totals`. JSON by default; an Excel workbook with \
			`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `format=xlsx` \
			(which overrides `Accept`): a sheet *Totals*, a header block (operation, version, the time the \
			figures stand at, reports) over one row per line (category, name, unit, currency, total, one \
			column per member state and per stage), figures as numbers in the unit's format, sent as an \
			attachment named e.g. `ILLEGAL-2017-totals.xlsx`. Another `format` is refused (400, \
			`errors` naming `format`). An observer reads published figures only: the latest \
			publication's totals, whole, with `publication` (404 `urn:jointops:problem:not-published` \
			before the first; 403 for any filter or `asOf`).""")
	@ApiResponse(responseCode = "200",
			description = "The totals (empty, version 0, for an operation of the catalogue without reports)",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = OperationTotalsView.class)),
					@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "403",
			description = "A breakdown by agency the reader may not see, any filter or `asOf` of an observer, or a "
					+ "token that reads no totals (a monitoring token)")
	@FilteredQueryRefusals
	ResponseEntity<OperationTotalsView> totals(@PathVariable String operation,
			@RequestParam(required = false) List<String> state, @RequestParam(required = false) List<String> stage,
			@RequestParam(required = false) List<String> agency, @RequestParam(required = false) List<String> category,
			@RequestParam(required = false) Instant asOf,
			@Parameter(description = "json or xlsx: overrides `Accept`",
					schema = @Schema(allowableValues = { "json", "xlsx" })) @RequestParam(
							required = false) String format) {
		MediaType type = format(format);
		TotalsFilter filter = TotalsParameters.filter(state, stage, agency, category);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (type != null) {
			answer.contentType(type);
		}
		if (ReaderAccess.readsPublishedFiguresOnly()) {
			ReaderAccess.checkPublished(filter, asOf);
			return answer.body(this.publications.latestTotals(operation));
		}
		ReaderAccess.checkTotals(filter);
		this.queries.check(operation, filter);
		OperationLedger ledger = filter.apply(this.queries.ledger(operation, asOf));
		Long standbyLag = RoutedRead.current().filter(RoutedRead::standby).map(RoutedRead::lag).orElse(null);
		Catalogue catalogue = this.queries.catalogue();
		OperationTotalsView totals = OperationTotalsView.of(Ledgers.councilTotals(ledger, catalogue),
				this.register.of(operation), catalogue, asOf, standbyLag);
		return answer.body(totals);
	}

	/**
	 * The media type a {@code format} parameter asks for.
	 * @param format the parameter, or null
	 * @return the type, or null to negotiate by {@code Accept}
	 */
	private static MediaType format(String format) {
		if (format == null) {
			return null;
		}
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "json" -> MediaType.APPLICATION_JSON;
			case "xlsx" -> MediaType.parseMediaType(XLSX);
			default ->
				throw InvalidQueryException.of("format", "must be json or xlsx, not " + Untrusted.quoted(format));
		};
	}

	/**
	 * The operations as an observer sees them: those published, each as its latest
	 * publication stands.
	 * @return the operations
	 */
	private OperationsView publishedOperations() {
		return new OperationsView(this.publications.latestOfEach()
			.stream()
			.map((published) -> new OperationEntry(published.operation(), this.queries.nameOf(published.operation()),
					published.totals().getReports(), published.totals().getVersion(),
					published.totals().getUpdatedAt()))
			.sorted(Comparator.comparing(OperationEntry::updatedAt).reversed().thenComparing(OperationEntry::operation))
			.toList());
	}

}
