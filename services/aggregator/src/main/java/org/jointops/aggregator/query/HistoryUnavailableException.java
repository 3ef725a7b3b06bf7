package org.jointops.aggregator.query;

/**
 * The history a query needs is no longer kept (it was pruned after the operation had been
 * quiet for longer than the history's retention).
 */
public class HistoryUnavailableException extends RuntimeException {

	public HistoryUnavailableException(String message) {
		super(message);
	}

}
