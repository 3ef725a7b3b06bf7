package org.jointops.producer.ingest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param notice what the client should know about it, e.g. that it would bring a
 * withdrawn report back; null if nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A dry run found the revision valid: it would have been accepted as shown. Nothing was sent.",
		requiredProperties = { "reportId", "revision", "state", "topic", "submittedAt", "dryRun" })
record ReportChecked(@Schema(example = "KAZ-INTERIOR-2017-0001") String reportId, @Schema(example = "1") int revision,
		@Schema(description = "The state it would count for", example = "KAZ") String state,
		@Schema(description = "The Kafka topic it would go to", example = "findings.kaz") String topic,
		@Schema(description = "The submission time it would have carried",
				example = "2026-11-22T07:50:43.205Z") Instant submittedAt,
		@Schema(description = "Always `true`", example = "true") boolean dryRun,
		@Schema(description = "Only when there is something to know about this revision: that it would bring a "
				+ "withdrawn report back") String notice) {

	/**
	 * The answer to a dry run of a valid revision.
	 * @param revision a valid revision
	 * @param topic the topic it would be sent to
	 * @param notice what the client should know about it, or null
	 * @return the answer to the dry run
	 */
	public static ReportChecked of(ReportRevision revision, String topic, String notice) {
		return new ReportChecked(revision.getReportId(), revision.getRevision(), revision.getState(), topic,
				revision.getSubmittedAt(), true, notice);
	}

}
