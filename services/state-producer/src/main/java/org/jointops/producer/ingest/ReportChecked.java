package org.jointops.producer.ingest;

import java.time.Instant;

import org.jointops.report.ReportRevision;

/**
 * The answer to a dry run of a valid report: it would have been accepted as shown, but
 * nothing was sent.
 *
 * @param reportId the report
 * @param revision the revision checked
 * @param state the state it would count for
 * @param topic the topic it would go to
 * @param submittedAt the submission time it would have carried
 * @param dryRun always true
 */
record ReportChecked(String reportId, int revision, String state, String topic, Instant submittedAt, boolean dryRun) {

	/**
	 * The answer to a dry run of a valid revision.
	 * @param revision a valid revision
	 * @param topic the topic it would be sent to
	 * @return the answer to the dry run
	 */
	public static ReportChecked of(ReportRevision revision, String topic) {
		return new ReportChecked(revision.getReportId(), revision.getRevision(), revision.getState(), topic,
				revision.getSubmittedAt(), true);
	}

}
