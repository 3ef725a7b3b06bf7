package org.jointops.aggregator.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.summary.Summaries;

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
 * An operation's publications, for every reader: the list, and each one's totals and
 * summary, rendered from its snapshot.
 */
@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = PublicationsController.TAG)
class PublicationsController {

	/** The tag of the publications' operations in the API description. */
	static final String TAG = "publication";

	private static final String NOT_FOUND = "Neither the catalogue nor the register names the operation, or it has "
			+ "no publication of that number (`urn:jointops:problem:not-published`)";

	private static final String UNAVAILABLE = "The publication's snapshot has not reached this aggregator instance "
			+ "yet (just published); retry (`Retry-After`)";

	private final Publications publications;

	PublicationsController(Publications publications) {
		this.publications = publications;
	}

	@GetMapping("/{operation}/publications")
	@Operation(operationId = "listPublications", summary = "An operation's publications",
			description = "Every publication of the operation by number: when, by whom, FINAL or PRELIMINARY, and "
					+ "the version of the totals published. Every role; empty before the first.")
	@ApiResponse(responseCode = "200", description = "The publications")
	@ApiResponse(responseCode = "404", description = "Neither the catalogue nor the register names the operation")
	PublicationsView list(@PathVariable String operation) {
		return new PublicationsView(operation, name(operation),
				this.publications.entries(operation)
					.stream()
					.map((entry) -> PublicationView.of(operation, entry))
					.toList());
	}

	@GetMapping("/{operation}/publications/{number}")
	@Operation(operationId = "getPublication", summary = "The totals of a publication",
			description = "The council totals as they were published, in the shape of the live totals, with "
					+ "`publication` (number, date, status). They never change. Every role.")
	@ApiResponse(responseCode = "200", description = "The published totals")
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	@ApiResponse(responseCode = "503", description = UNAVAILABLE)
	OperationTotalsView publication(@PathVariable String operation, @PathVariable int number) {
		return PublishedRendering.totals(this.publications.snapshot(operation, number), this.publications.catalogue());
	}

	@GetMapping(path = "/{operation}/publications/{number}/summary",
			produces = { MediaType.TEXT_PLAIN_VALUE, "text/markdown", MediaType.TEXT_HTML_VALUE,
					MediaType.APPLICATION_PDF_VALUE })
	@Operation(operationId = "getPublicationSummary", summary = "The council summary of a publication",
			description = "The summary of the published totals, written as the live summary is (same languages and "
					+ "formats, PDF included), with a line naming the publication, its date and status. Every role.")
	@ApiResponse(responseCode = "200", description = "The summary, in the language asked for (`Content-Language`)",
			content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
							schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400",
			description = "`lang` other than en or ru, or `format` other than txt, md, html or pdf "
					+ "(`urn:jointops:problem:invalid-query`)")
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	@ApiResponse(responseCode = "503", description = UNAVAILABLE)
	ResponseEntity<?> summary(@PathVariable String operation, @PathVariable int number,
			@Parameter(description = "The language: en (English) or ru (Russian)",
					schema = @Schema(allowableValues = { "en", "ru" })) @RequestParam(defaultValue = "en") String lang,
			@Parameter(description = "txt, md or html: overrides `Accept`",
					schema = @Schema(allowableValues = { "txt", "md", "html" })) @RequestParam(
							required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		Summaries.check(lang, format);
		return PublishedRendering.summary(this.publications.snapshot(operation, number), this.publications.catalogue(),
				lang, format, accept);
	}

	private String name(String operation) {
		return this.publications.catalogue()
			.operation(operation)
			.map(org.jointops.catalogue.Operation::name)
			.orElse(null);
	}

}
