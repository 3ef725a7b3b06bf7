package org.jointops.aggregator.approval;

import java.util.List;

import org.jointops.catalogue.Violation;

import org.springframework.http.HttpStatus;

/**
 * A request about a submission that names no case of the catalogue (404: an unknown stage
 * or member state) or carries bad input (400: a missing or too long comment, a malformed
 * {@code If-Match}). Nothing is written.
 */
class InvalidSubmissionRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<Violation> errors;

	InvalidSubmissionRequestException(HttpStatus status, String message, Violation error) {
		super(message);
		this.status = status;
		this.errors = List.of(error);
	}

	HttpStatus status() {
		return this.status;
	}

	List<Violation> errors() {
		return this.errors;
	}

}
