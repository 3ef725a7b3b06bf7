package org.jointops.aggregator.topology;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the aggregator keeps the history of an operation (its changes and checkpoints,
 * from which its totals and reports at an instant are read).
 *
 * @param retention how long after its last change an operation's history is kept
 * ({@code jointops.history.retention}, three years by default); then it is pruned to its
 * ledger at its latest change, and instants before that can no longer be asked for
 */
@ConfigurationProperties("jointops.history")
record HistoryProperties(@DefaultValue("1095d") Duration retention) {
}
