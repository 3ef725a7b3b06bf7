package org.jointops.producer.batch;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a batch: one result per report, in the batch's order, and how many had
 * each outcome.
 *
 * @param dryRun true if nothing was sent, by request
 * @param reports reports in the batch
 * @param accepted reports the broker has
 * @param valid reports a dry run found valid
 * @param rejected reports refused for their content or state
 * @param unavailable reports Kafka did not acknowledge (send them again)
 * @param results one per report
 */
@Schema(description = "What became of each report of a batch, and how many had each outcome.",
		requiredProperties = { "dryRun", "reports", "accepted", "valid", "rejected", "unavailable", "results" })
record BatchResponse(@Schema(description = "`true` if nothing was sent, by request") boolean dryRun,
		@Schema(description = "Reports in the batch", example = "2") int reports,
		@Schema(description = "Reports the broker has (`ACCEPTED`)", example = "1") int accepted,
		@Schema(description = "Reports a dry run found valid (`VALID`)", example = "0") int valid,
		@Schema(description = "Reports refused for their content or their state (`REJECTED`)",
				example = "1") int rejected,
		@Schema(description = "Reports Kafka did not acknowledge (`UNAVAILABLE`): send them again",
				example = "0") int unavailable,
		@Schema(description = "One per report, in the batch's order") List<BatchResult> results) {

	static BatchResponse of(boolean dryRun, List<BatchResult> results) {
		return new BatchResponse(dryRun, results.size(), count(results, BatchResult.Outcome.ACCEPTED),
				count(results, BatchResult.Outcome.VALID), count(results, BatchResult.Outcome.REJECTED),
				count(results, BatchResult.Outcome.UNAVAILABLE), results);
	}

	private static int count(List<BatchResult> results, BatchResult.Outcome outcome) {
		return (int) results.stream().filter((result) -> result.outcome() == outcome).count();
	}

}
