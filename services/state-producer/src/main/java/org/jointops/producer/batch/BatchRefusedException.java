package org.jointops.producer.batch;

import java.util.List;

import org.jointops.catalogue.Violation;

import org.springframework.http.HttpStatus;

/**
 * A batch that cannot be read at all (not a JSON array, not CSV with a known header, over
 * a size limit): refused whole, with the reasons; no report of it was checked or sent.
 */
class BatchRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final List<Violation> violations;

	BatchRefusedException(HttpStatus status, List<Violation> violations) {
		super(violations.toString());
		this.status = status;
		this.violations = List.copyOf(violations);
	}

	BatchRefusedException(HttpStatus status, String field, String reason) {
		this(status, List.of(new Violation(field, reason)));
	}

	HttpStatus status() {
		return this.status;
	}

	List<Violation> violations() {
		return this.violations;
	}

}
