package io.confluent.kafka.schemaregistry.client.rest.exceptions;

/**
 * A stand-in for Confluent's exception of the same name, which is not on the class path
 * here (profile {@code confluent}, not downloadable): the same name and shape (a message,
 * the HTTP status and the registry's error code), so that what recognises Confluent's by
 * name can be tested without it.
 */
public class RestClientException extends Exception {

	private final int status;

	private final int errorCode;

	public RestClientException(String message, int status, int errorCode) {
		super(message + "; error code: " + errorCode);
		this.status = status;
		this.errorCode = errorCode;
	}

	public int getStatus() {
		return this.status;
	}

	public int getErrorCode() {
		return this.errorCode;
	}

}
