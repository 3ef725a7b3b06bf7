package org.jointops.producer.publish;

/**
 * The broker did not acknowledge a record in time: the report is not accepted, and a
 * retry with the same report id and revision is safe.
 */
public class KafkaUnavailableException extends RuntimeException {

	public KafkaUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
