package org.jointops.aggregator.query;

/**
 * The totals cannot be read right now (Kafka Streams is starting, restoring or
 * rebalancing).
 */
public class TotalsUnavailableException extends RuntimeException {

	public TotalsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
