package org.jointops.producer.ingest;

import java.util.List;

import org.jointops.catalogue.Violation;

/**
 * A report that breaks one or more rules; answered with 400 and every violation.
 */
public class InvalidReportException extends RuntimeException {

	private final List<Violation> violations;

	InvalidReportException(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
