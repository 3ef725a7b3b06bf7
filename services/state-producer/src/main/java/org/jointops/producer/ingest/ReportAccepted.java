package org.jointops.producer.ingest;

import java.time.Instant;

import org.jointops.producer.publish.PublishedRecord;
import org.jointops.report.ReportRevision;

/**
 * The answer to an accepted report: the broker has it.
 *
 * @param reportId the report
 * @param revision the revision accepted
 * @param state the state it counts for
 * @param topic the topic it is in
 * @param partition its partition
 * @param offset its offset
 * @param submittedAt when this service accepted it
 */
record ReportAccepted(String reportId, int revision, String state, String topic, int partition, long offset,
		Instant submittedAt) {

	static ReportAccepted of(ReportRevision revision, PublishedRecord record) {
		return new ReportAccepted(revision.getReportId(), revision.getRevision(), revision.getState(), record.topic(),
				record.partition(), record.offset(), revision.getSubmittedAt());
	}

}
