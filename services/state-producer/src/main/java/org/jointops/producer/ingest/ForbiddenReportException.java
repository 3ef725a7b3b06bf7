package org.jointops.producer.ingest;

import org.jointops.catalogue.Untrusted;
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

	/**
	 * The refusal of a revision of a report another agency sent first.
	 * @param reportId the report id
	 * @param owner the agency that sent it first
	 * @return the refusal
	 */
	public static ForbiddenReportException notOwner(String reportId, String owner) {
		return new ForbiddenReportException(
				"Report " + Untrusted.shortened(reportId) + " was first sent by " + owner + "; only " + owner
						+ " may revise or withdraw it",
				new Violation("reportId", "was first sent by " + owner
						+ "; only that agency may revise or withdraw it (use another reportId for a report of yours)"));
	}

	public Violation violation() {
		return this.violation;
	}

}
