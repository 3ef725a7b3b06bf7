package org.jointops.aggregator.ledger;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the aggregator keeps the history of an operation: its changes and checkpoints, from
 * which its totals and reports at an instant are read.
 *
 * @param retention how long after its last change an operation's history is kept
 * ({@code jointops.history.retention}, three years by default); then it is pruned to its
 * ledger at its latest change, and instants before that can no longer be asked for
 * @param checkpointInterval the fewest changes between two checkpoints of an operation
 * ({@code jointops.history.checkpoint-interval}, 10,000 by default); the interval is the
 * operation's number of slots when that is larger, so a checkpoint costs at most one slot
 * write per change, and an answer at an instant folds at most about that many changes
 */
@ConfigurationProperties("jointops.history")
@Validated
public record HistoryProperties(@DefaultValue("1095d") Duration retention,
		@Positive @DefaultValue("10000") int checkpointInterval) {

	/** The defaults. */
	public static final HistoryProperties DEFAULTS = new HistoryProperties(Duration.ofDays(1095), 10_000);

}
