package org.jointops.catalogue;

/**
 * One thing wrong with a report.
 *
 * @param field path of the offending field as the JSON request names it, e.g.
 * {@code findings[1].quantity}
 * @param reason what is wrong, in words a ministry's integrator can act on
 */
public record Violation(String field, String reason) {

	@Override
	public String toString() {
		return this.field + ": " + this.reason;
	}

}
