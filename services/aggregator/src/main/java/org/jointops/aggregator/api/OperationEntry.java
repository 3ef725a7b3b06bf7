package org.jointops.aggregator.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An operation that has totals.
 *
 * @param operation operation code
 * @param name operation name from the catalogue, or null if it is not (or no longer)
 * there
 * @param reports reports that currently count
 * @param version version of its totals
 * @param updatedAt when its totals last changed
 */
@Schema(description = "An operation that reports have named, with where its totals stand.")
record OperationEntry(@Schema(example = "ILLEGAL-2017") String operation,
		@Schema(description = "Its name in the catalogue; null if the catalogue does not have it", nullable = true,
				example = "Illegal 2017") String name,
		@Schema(description = "Reports that currently count", example = "11") long reports,
		@Schema(description = "Version of its totals", example = "14") long version,
		@Schema(description = "When its totals last changed (the latest submission time among the revisions "
				+ "that changed them)") Instant updatedAt) {
}
