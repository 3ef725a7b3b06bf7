package org.jointops.aggregator.api;

import java.time.Instant;

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
record OperationEntry(String operation, String name, long reports, long version, Instant updatedAt) {
}
