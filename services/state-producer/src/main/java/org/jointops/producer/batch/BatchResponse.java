package org.jointops.producer.batch;

import java.util.List;

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
record BatchResponse(boolean dryRun, int reports, int accepted, int valid, int rejected, int unavailable,
		List<BatchResult> results) {

	static BatchResponse of(boolean dryRun, List<BatchResult> results) {
		return new BatchResponse(dryRun, results.size(), count(results, BatchResult.Outcome.ACCEPTED),
				count(results, BatchResult.Outcome.VALID), count(results, BatchResult.Outcome.REJECTED),
				count(results, BatchResult.Outcome.UNAVAILABLE), results);
	}

	private static int count(List<BatchResult> results, BatchResult.Outcome outcome) {
		return (int) results.stream().filter((result) -> result.outcome() == outcome).count();
	}

}
