package org.jointops.aggregator.topology;

import org.jointops.report.ReportRevision;

/**
 * A findings record after decoding and checking: either a report that may count, or the
 * original bytes bound for the dead-letter topic. Lives only between two processors of
 * one task; it never crosses a topic.
 *
 * @param report the report, or null for a dead letter
 * @param original the original value, for a dead letter
 */
record Decoded(ReportRevision report, byte[] original) {

	static Decoded valid(ReportRevision report) {
		return new Decoded(report, null);
	}

	static Decoded deadLetter(byte[] original) {
		return new Decoded(null, original);
	}

	boolean isValid() {
		return this.report != null;
	}

}
