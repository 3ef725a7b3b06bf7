package org.jointops.aggregator.summary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.openapi.OperationRefusals;
import org.jointops.aggregator.query.InvalidQueryException;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.UnknownOperationException;
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
 * The council summary of an operation, in plain text, Markdown or HTML (by the
 * {@code Accept} header, or {@code format=txt|md|html}), in English or Russian
 * ({@code lang}).
 */
@RestController
@RequestMapping("/api/v1/operations")
public class SummaryController {

	static final MediaType TEXT_MARKDOWN = MediaType.parseMediaType("text/markdown");

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

	private static final List<MediaType> OFFERED = List.of(MediaType.TEXT_PLAIN, TEXT_MARKDOWN, MediaType.TEXT_HTML);

	private final OperationQueries queries;

	private final CurrentRegister register;

	SummaryController(OperationQueries queries, CurrentRegister register) {
		this.queries = queries;
		this.register = register;
	}

	@GetMapping(path = "/{operation}/summary",
			produces = { MediaType.TEXT_PLAIN_VALUE, "text/markdown", MediaType.TEXT_HTML_VALUE })
	@Operation(operationId = "getSummary", tags = "totals", summary = "The council summary of an operation",
			description = """
					A numbered list of the findings in council style (*of which* lines under their parent), \
					tables by member state and by stage, and the time the figures stand at, their version and \
					the number of reports. Plain text, Markdown or HTML by `Accept` (a browser gets HTML; no \
					`Accept` or `*/*` gets text), or by `format`, which overrides `Accept`. Money is said in \
					US dollars as the council's "more than" figure (the largest figure of two significant \
					digits below the exact total), under the exchange rates in force (at `asOf` if asked), with \
					a table of each currency's amounts, rates and exact US dollars; while a rate is missing, \
					per currency, naming the missing rates.""")
	@ApiResponse(responseCode = "200", description = "The summary, in the language asked for (`Content-Language`)",
			content = {
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "English", value = SUMMARY_EXAMPLE)),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400",
			description = "`lang` other than en or ru, `format` other than txt, md "
					+ "or html, or an `asOf` that is not an instant (`urn:jointops:problem:invalid-query`)")
	@OperationRefusals
	ResponseEntity<String> summary(@PathVariable String operation,
			@Parameter(description = "The language: en (English) or ru (Russian)",
					schema = @Schema(allowableValues = { "en", "ru" })) @RequestParam(defaultValue = "en") String lang,
			@Parameter(description = "txt, md or html: overrides `Accept`",
					schema = @Schema(allowableValues = { "txt", "md", "html" })) @RequestParam(
							required = false) String format,
			@RequestParam(required = false) Instant asOf,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		SummaryLanguage language;
		try {
			language = SummaryLanguage.of(lang);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidQueryException.of("lang", ex.getMessage());
		}
		MediaType type = negotiate(format, accept);
		org.jointops.catalogue.Catalogue catalogue = this.queries.catalogue();
		org.jointops.catalogue.Operation known = catalogue.operation(operation)
			.orElseThrow(() -> new UnknownOperationException(operation));
		CouncilTotals totals = Ledgers.councilTotals(this.queries.ledger(operation, asOf), catalogue);
		CouncilSummary summary = CouncilSummary.of(totals, known, catalogue, this.register.of(operation), language,
				asOf);
		String body = TEXT_MARKDOWN.equalsTypeAndSubtype(type) ? SummaryRenderer.markdown(summary)
				: MediaType.TEXT_HTML.equalsTypeAndSubtype(type) ? SummaryRenderer.html(summary)
						: SummaryRenderer.plainText(summary);
		return ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_LANGUAGE, language.code())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(body);
	}

	private static MediaType negotiate(String format, String accept) {
		if (format != null) {
			return switch (format.toLowerCase(java.util.Locale.ROOT)) {
				case "txt", "text" -> MediaType.TEXT_PLAIN;
				case "md", "markdown" -> TEXT_MARKDOWN;
				case "html" -> MediaType.TEXT_HTML;
				default -> throw InvalidQueryException.of("format",
						"must be txt, md or html, not " + org.jointops.catalogue.Untrusted.quoted(format));
			};
		}
		if (accept == null || accept.isBlank()) {
			return MediaType.TEXT_PLAIN;
		}
		List<MediaType> accepted = MediaType.parseMediaTypes(accept);
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType wanted : accepted) {
			for (MediaType offered : OFFERED) {
				if (wanted.includes(offered)) {
					return offered;
				}
			}
		}
		return MediaType.TEXT_PLAIN;
	}

}
