package org.jointops.producer.ingest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param notice what the client should know about it, e.g. that it brings a withdrawn
 * report back; null if nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The broker has the revision: where it is. Sending the same revision again changes nothing.",
		requiredProperties = { "reportId", "revision", "state", "topic", "partition", "offset", "submittedAt" })
record ReportAccepted(@Schema(example = "KAZ-INTERIOR-2017-0001") String reportId, @Schema(example = "1") int revision,
		@Schema(description = "The state it counts for", example = "KAZ") String state,
		@Schema(description = "The Kafka topic it is in", example = "findings.kaz") String topic,
		@Schema(example = "0") int partition, @Schema(example = "41") long offset,
		@Schema(description = "When this service accepted it; as-of queries go by it",
				example = "2026-11-22T07:50:43.205Z") Instant submittedAt,
		@Schema(description = "Only when there is something to know about this revision: that it brings a "
				+ "withdrawn report back (it is higher than the withdrawal)",
				example = "Report KAZ-INTERIOR-2017-0001 was withdrawn at revision 2; this revision brings it back") String notice) {

	static ReportAccepted of(ReportRevision revision, PublishedRecord record, String notice) {
		return new ReportAccepted(revision.getReportId(), revision.getRevision(), revision.getState(), record.topic(),
				record.partition(), record.offset(), revision.getSubmittedAt(), notice);
	}

}
