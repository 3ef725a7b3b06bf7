package org.jointops.aggregator.summary;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.openapi.OperationRefusals;
import org.jointops.aggregator.publication.Publications;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.support.register.CurrentRegister;
import org.jointops.totals.CouncilTotals;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council summary of an operation, in plain text, Markdown, HTML or PDF (by the
 * {@code Accept} header, or {@code format=txt|md|html|pdf}), in English or Russian
 * ({@code lang}).
 */
@RestController
@RequestMapping("/api/v1/operations")
public class SummaryController {

	private static final String SUMMARY_EXAMPLE = """
			Illegal, synthetic demonstration data: results of the operation
			Coordination council of the heads of competent authorities for countering illegal migration

			During the operation:
			1. 100,659 violations of immigration law were revealed.
			2. Fines of more than 1.3 million US dollars were imposed.
			...
			6. 367 criminal cases were opened for other crimes found during the operation.
			   of which 117 drug-trafficking cases.
			   of which 46 illicit-arms-trafficking cases.

			By member state
			...
			Figures as of 1 December 2026, 21:46 UTC (version 14). Reports counted: 11.
			""";

	private final OperationQueries queries;

	private final CurrentRegister register;

	private final Publications publications;

	SummaryController(OperationQueries queries, CurrentRegister register, Publications publications) {
		this.queries = queries;
		this.register = register;
		this.publications = publications;
	}

	@GetMapping(path = "/{operation}/summary",
			produces = { MediaType.TEXT_PLAIN_VALUE, "text/markdown", MediaType.TEXT_HTML_VALUE,
					MediaType.APPLICATION_PDF_VALUE })
	@Operation(operationId = "getSummary", tags = "totals", summary = "The council summary of an operation",
			description = """
					A numbered list of the findings in council style (*of which* lines under their parent), \
					tables by member state and by stage, and the time the figures stand at, their version and \
					the number of reports. Plain text, Markdown, HTML or PDF by `Accept` (a browser gets HTML; \
					no `Accept` or `*/*` gets text), or by `format`, which overrides `Accept`. The PDF is the \
					HTML laid out for A4 (page numbers in the footer), its font (DejaVu Sans, Latin and \
					Cyrillic) embedded, sent as an attachment named e.g. `ILLEGAL-2017-summary-en.pdf`. Says \
					whether the figures are FINAL (every member state's figures for every stage accepted by \
					the secretariat) or preliminary, and per stage for which states they are final. Money is \
					said in US dollars as the council's "more than" figure (the largest figure of two \
					significant digits below the exact total), under the exchange rates in force (at `asOf` if \
					asked), with a table of each currency's amounts, rates and exact US dollars; while a rate \
					is missing, per currency, naming the missing rates. An \
					observer reads the summary of the latest publication \
					(404 `urn:jointops:problem:not-published` before the first; 403 with `asOf`).""")
	@ApiResponse(responseCode = "200", description = "The summary, in the language asked for (`Content-Language`)",
			content = {
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "English", value = SUMMARY_EXAMPLE)),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
							schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400",
			description = "`lang` other than en or ru, `format` other than txt, md, "
					+ "html or pdf, or an `asOf` that is not an instant (`urn:jointops:problem:invalid-query`)")
	@OperationRefusals
	ResponseEntity<?> summary(@PathVariable String operation,
			@Parameter(description = "The language: en (English) or ru (Russian)",
					schema = @Schema(allowableValues = { "en", "ru" })) @RequestParam(defaultValue = "en") String lang,
			@Parameter(description = "txt, md, html or pdf: overrides `Accept`",
					schema = @Schema(allowableValues = { "txt", "md", "html", "pdf" })) @RequestParam(
							required = false) String format,
			@RequestParam(required = false) Instant asOf,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		if (ReaderAccess.readsPublishedFiguresOnly()) {
			ReaderAccess.checkPublished(TotalsFilter.NONE, asOf);
			return this.publications.latestSummary(operation, lang, format, accept);
		}
		Summaries.check(lang, format);
		org.jointops.catalogue.Catalogue catalogue = this.queries.catalogue();
		org.jointops.catalogue.Operation known = catalogue.operation(operation)
			.orElseThrow(() -> new UnknownOperationException(operation));
		CouncilTotals totals = Ledgers.councilTotals(this.queries.ledger(operation, asOf), catalogue);
		return Summaries.answer(totals, this.register.of(operation), known, catalogue, lang, format, accept, asOf,
				null);
	}

}
