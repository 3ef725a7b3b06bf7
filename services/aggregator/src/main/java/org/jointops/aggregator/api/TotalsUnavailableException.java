package org.jointops.aggregator.api;

/**
 * The totals cannot be read right now (Kafka Streams is starting, restoring or
 * rebalancing).
 */
class TotalsUnavailableException extends RuntimeException {

	TotalsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
