package org.jointops.producer.batch;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * run, 400, 403, 503)
 * @param state for an accepted or valid report, the state it counts for
 * @param topic for an accepted or valid report, its topic
 * @param partition for an accepted report, its partition
 * @param offset for an accepted report, its offset
 * @param submittedAt for an accepted or valid report, its submission time
 * @param errors for a rejected report, each field and reason
 * @param detail for a report Kafka did not acknowledge, why, and what to do
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record BatchResult(int index, List<Integer> lines, String reportId, Integer revision, Outcome outcome, int status,
		String state, String topic, Integer partition, Long offset, Instant submittedAt, List<Violation> errors,
		String detail) {

	/**
	 * What became of a report of a batch.
	 */
	public enum Outcome {

		/** The broker has it (202 alone). */
		ACCEPTED,

		/** Dry run: it would have been accepted; nothing was sent (200 alone). */
		VALID,

		/** Refused for its content or its state; nothing was sent (400 or 403 alone). */
		REJECTED,

		/**
		 * Kafka did not acknowledge it in time (503 alone): it may or may not have
		 * reached Kafka; send it again with the same report id and revision.
		 */
		UNAVAILABLE

	}

}
