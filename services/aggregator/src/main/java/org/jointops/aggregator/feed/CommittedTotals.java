package org.jointops.aggregator.feed;

import java.time.Duration;
import java.util.Optional;

import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.totals.CouncilTotals;

/**
 * The council totals as they are committed on {@code council.totals}, which every
 * aggregator instance follows for the live feed: whichever instance holds an operation's
 * ledger, every instance has its committed totals, and never totals of a transaction that
 * may still be aborted.
 */
public interface CommittedTotals {

	/**
	 * An operation's latest committed totals, after reading {@code council.totals} to the
	 * end it has now.
	 * @param operation operation code
	 * @param timeout longest wait for the end
	 * @return its totals, empty if none were ever written
	 * @throws TotalsUnavailableException if the topic cannot be read to its end in time
	 */
	Optional<CouncilTotals> latestCommitted(String operation, Duration timeout);

}
