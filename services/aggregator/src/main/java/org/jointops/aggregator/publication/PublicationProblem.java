package org.jointops.aggregator.publication;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A publication that cannot be read or made, as an RFC 9457 problem.
 */
class PublicationProblem extends RuntimeException {

	static final URI NOT_PUBLISHED = URI.create("urn:jointops:problem:not-published");

	static final URI UNAVAILABLE = URI.create("urn:jointops:problem:publication-unavailable");

	static final URI NOTHING_NEW = URI.create("urn:jointops:problem:nothing-new-to-publish");

	static final URI VERSION_MISMATCH = URI.create("urn:jointops:problem:register-version-mismatch");

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final Map<String, Object> properties;

	PublicationProblem(HttpStatus status, URI type, String title, String message, Map<String, Object> properties) {
		super(message);
		this.status = status;
		this.type = type;
		this.title = title;
		this.properties = properties;
	}

	static PublicationProblem notPublishedYet(String operation) {
		return new PublicationProblem(HttpStatus.NOT_FOUND, NOT_PUBLISHED, "Not published yet",
				"The secretariat has not published figures of " + operation + " yet", Map.of("operation", operation));
	}

	static PublicationProblem noSuchPublication(String operation, int number) {
		return new PublicationProblem(HttpStatus.NOT_FOUND, NOT_PUBLISHED, "No such publication",
				operation + " has no publication " + number, Map.of("operation", operation, "publication", number));
	}

	static PublicationProblem unavailable(String operation, int number) {
		return new PublicationProblem(
				HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Publication unavailable", "Publication " + number + " of "
						+ operation + " has not reached this aggregator instance yet; " + "retry shortly",
				Map.of("operation", operation, "publication", number));
	}

	static PublicationProblem nothingNew(String operation, int last) {
		return new PublicationProblem(HttpStatus.CONFLICT, NOTHING_NEW, "Nothing new to publish",
				"Publication " + last + " of " + operation
						+ " already shows these figures: the totals, exchange rates and statuses have not "
						+ "changed since",
				Map.of("operation", operation, "publication", last));
	}

	static PublicationProblem badIfMatch() {
		return new PublicationProblem(HttpStatus.PRECONDITION_FAILED, VERSION_MISMATCH, "Register version mismatch",
				"If-Match must be a register version as the ETag gives it, e.g. \"4\"", Map.of());
	}

	HttpStatus status() {
		return this.status;
	}

	URI type() {
		return this.type;
	}

	String title() {
		return this.title;
	}

	Map<String, Object> properties() {
		return this.properties;
	}

}
