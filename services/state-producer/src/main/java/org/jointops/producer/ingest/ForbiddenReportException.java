package org.jointops.producer.ingest;

import org.jointops.catalogue.Violation;

/**
 * A report the authenticated agency may not send: another agency's, or a revision of a
 * report another agency sent first. Answered 403.
 */
public class ForbiddenReportException extends RuntimeException {

	private final Violation violation;

	ForbiddenReportException(String detail, Violation violation) {
		super(detail);
		this.violation = violation;
	}

	public Violation violation() {
		return this.violation;
	}

}
