package org.jointops.producer.batch;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.catalogue.Violation;

/**
 * What became of one report of a batch.
 *
 * @param index position of the report in the batch, from 0
 * @param lines for CSV, the lines of the file its rows are on
 * @param reportId its report id, if it could be read
 * @param revision its revision, if it could be read
 * @param outcome what became of it
 * @param status the status the report would have had posted alone (202, 200 for a dry
 * run, 400, 403, 409, 503)
 * @param state for an accepted or valid report, the state it counts for
 * @param topic for an accepted or valid report, its topic
 * @param partition for an accepted report, its partition
 * @param offset for an accepted report, its offset
 * @param submittedAt for an accepted or valid report, its submission time
 * @param errors for a rejected report, each field and reason
 * @param detail for a report Kafka did not acknowledge, why, and what to do
 * @param notice for an accepted or valid report, what the client should know about it,
 * e.g. that it brings a withdrawn report back
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "What became of one report of a batch; fields that do not apply are left out.",
		requiredProperties = { "index", "outcome", "status" })
record BatchResult(@Schema(description = "Position of the report in the batch, from 0") int index, @Schema(
		description = "CSV only: the lines of the file its rows are on (the header is line 1)") List<Integer> lines,
		@Schema(description = "Its report id, if it could be read", example = "KAZ-INTERIOR-2017-0001") String reportId,
		@Schema(description = "Its revision, if it could be read", example = "1") Integer revision, Outcome outcome,
		@Schema(description = "The status the report would have had posted alone: 202 accepted, 200 valid, "
				+ "400, 403 or 409 (a submitted or accepted stage, or a revision not higher than the report's withdrawal) "
				+ "rejected, 503 unavailable", example = "202") int status,
		@Schema(description = "Accepted or valid: the state it counts for", example = "KAZ") String state,
		@Schema(description = "Accepted or valid: its topic", example = "findings.kaz") String topic,
		@Schema(description = "Accepted: its partition", example = "0") Integer partition,
		@Schema(description = "Accepted: its offset", example = "41") Long offset,
		@Schema(description = "Accepted or valid: its submission time") Instant submittedAt,
		@ArraySchema(arraySchema = @Schema(description = "Rejected: each field and reason (in CSV, `line N: column`)"),
				schema = @Schema(ref = "#/components/schemas/FieldProblem")) List<Violation> errors,
		@Schema(description = "Unavailable: why, and what to do") String detail,
		@Schema(description = "Accepted or valid, only when there is something to know: that it brings a withdrawn "
				+ "report back") String notice) {

	/**
	 * What became of a report of a batch.
	 */
	@Schema(description = "`ACCEPTED`: the broker has it. `VALID`: a dry run found it valid, nothing was sent. "
			+ "`REJECTED`: refused for its content, its state, its stage's lock (409: submitted or accepted) or its "
			+ "report's withdrawal (409: not higher than it), nothing was sent. `UNAVAILABLE`: Kafka did not "
			+ "acknowledge it; send it again as it was.")
	public enum Outcome {

		/** The broker has it (202 alone). */
		ACCEPTED,

		/** Dry run: it would have been accepted; nothing was sent (200 alone). */
		VALID,

		/**
		 * Refused for its content, its state or its stage's lock; nothing was sent (400,
		 * 403 or 409 alone).
		 */
		REJECTED,

		/**
		 * Kafka did not acknowledge it in time (503 alone): it may or may not have
		 * reached Kafka; send it again with the same report id and revision.
		 */
		UNAVAILABLE

	}

}
