package org.jointops.aggregator.publication;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.security.ReaderPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat publishes an operation's figures.
 */
@RestController
@Tag(name = PublicationsController.TAG)
class PublicationAdminController {

	private final Publisher publisher;

	PublicationAdminController(Publisher publisher) {
		this.publisher = publisher;
	}

	@PostMapping("/api/v1/admin/operations/{operation}/publications")
	@Operation(operationId = "publish", summary = "Publish an operation's figures as they stand", description = """
			Writes an immutable snapshot of the operation's council totals as committed now (those of \
			`council.totals`: what `GET /api/v1/operations/{operation}/totals` answers, unfiltered, once \
			its latest change is committed) and its register (exchange rates, statuses), numbered one \
			more than the last publication, dated, FINAL if every member state's figures for every stage \
			are ACCEPTED, else PRELIMINARY. Observers read published figures only. No body. \
			`If-Match: "<register version>"` is optional: the publication is then made only if the \
			register is still at that version. A publication that would show nothing new (the same \
			totals, no rate or status change since the latest) is refused with 409 and the latest as \
			`Location`: publish at the councils' milestones, not after each report.""")
	@ApiResponse(responseCode = "201",
			description = "Published: the publication, its address as `Location`, the register version as `ETag`")
	@ApiResponse(responseCode = "404", description = "The catalogue has no such operation")
	@ApiResponse(responseCode = "409",
			description = "Nothing new since the latest publication (`urn:jointops:problem:nothing-new-to-publish`, "
					+ "`Location` the latest), or other register changes won every attempt")
	@ApiResponse(responseCode = "412",
			description = "The register is no longer at the version `If-Match` names, or `If-Match` names none")
	@ApiResponse(responseCode = "503", description = "Kafka did not answer in time; retry (`Retry-After`)")
	ResponseEntity<PublicationView> publish(@PathVariable String operation,
			@Parameter(description = "The register version the publication is made against, as its `ETag` gives "
					+ "it") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		Publisher.Published published = this.publisher.publish(operation, version(ifMatch), reader.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/operations/" + operation + "/publications/" + published.entry().number()))
			.eTag("\"" + published.registerVersion() + "\"")
			.body(PublicationView.of(operation, published.entry()));
	}

	/**
	 * The register version an {@code If-Match} header names.
	 * @param header e.g. {@code "4"}, or null
	 * @return the version, null for any ({@code *} or no header)
	 */
	static Long version(String header) {
		if (header == null || header.isBlank() || header.trim().equals("*")) {
			return null;
		}
		String tag = header.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Long.parseLong(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw PublicationProblem.badIfMatch();
		}
	}

}
