package org.jointops.producer.publish;

/**
 * A revision was not published: its report id is held by another agency, which sent or
 * reserved it first (on another instance, a moment before). Answered 403 like any
 * revision of another agency's report.
 */
public class NotTheOwnerException extends RuntimeException {

	private final String reportId;

	private final String owner;

	NotTheOwnerException(String reportId, String owner) {
		super("report " + reportId + " is held by " + owner);
		this.reportId = reportId;
		this.owner = owner;
	}

	public String reportId() {
		return this.reportId;
	}

	public String owner() {
		return this.owner;
	}

}
