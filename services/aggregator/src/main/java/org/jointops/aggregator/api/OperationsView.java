package org.jointops.aggregator.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The operations that have totals.
 *
 * @param operations most recently changed first
 */
@Schema(name = "Operations", description = "The operations that reports have named.")
record OperationsView(@Schema(description = "Most recently changed first") List<OperationEntry> operations) {
}
