package org.jointops.aggregator.query;

/**
 * The history a query needs is not complete (the ledger's first changes were made before
 * the history was recorded).
 */
public class HistoryUnavailableException extends RuntimeException {

	public HistoryUnavailableException(String message) {
		super(message);
	}

}
