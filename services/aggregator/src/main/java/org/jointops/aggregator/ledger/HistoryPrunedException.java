package org.jointops.aggregator.ledger;

import java.time.Instant;

/**
 * The history an answer needs was pruned: the operation had been quiet for longer than
 * the history's retention, and only its ledger from {@code historyFrom} on is kept.
 */
public class HistoryPrunedException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param operation operation code
	 * @param historyFrom the earliest instant the history still answers for
	 */
	public HistoryPrunedException(String operation, Instant historyFrom) {
		super("The history of " + operation + " before " + historyFrom + " was pruned (it had been quiet for longer "
				+ "than the history is kept), so its figures at an earlier instant cannot be given exactly");
	}

}
