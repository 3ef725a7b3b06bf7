package org.jointops.support.wire;

import java.lang.reflect.Method;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.net.ssl.SSLException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Whose fault a failure to encode or decode a value is: the record's, or a passing fault
 * of what the serializer depends on (the network, the broker, Confluent's Schema
 * Registry). A passing fault must never cost the record its place: the aggregator reads
 * it again instead of dead-lettering it, a producer answers 503 (retry) instead of
 * refusing it.
 * <p>
 * Passing, when the failure or one of its causes is
 * <ul>
 * <li>a network failure: the registry cannot be reached, a connection was cut or timed
 * out ({@link SocketException}, {@link UnknownHostException},
 * {@link SocketTimeoutException}, {@link HttpTimeoutException}, {@link SSLException});
 * not any {@link java.io.IOException}: Avro's decoder throws an
 * {@link java.io.EOFException} for a body that ends short, which is the record's
 * fault;</li>
 * <li>a Kafka {@link RetriableException} (a
 * {@link org.apache.kafka.common.errors.TimeoutException} among them);</li>
 * <li>Confluent's {@value #REST_CLIENT_EXCEPTION}, an error answer of the registry, with
 * a status of 500 or more, 408 (timeout), 429 (too many requests), or 401 and 403 (the
 * service's registry credentials, never the record's fault), or a status that cannot be
 * read: a record is never dead-lettered for a reason that cannot be established.</li>
 * </ul>
 * Anything else is the record's fault, a registry's 404 (no schema of that id) and 422
 * (invalid schema) among them. Confluent's classes are known by name only: they are on
 * the class path only with the opt-in {@code confluent} profile.
 */
public final class RegistryFailures {

	/** Confluent's exception for an error answer of the Schema Registry. */
	static final String REST_CLIENT_EXCEPTION = "io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException";

	private static final int UNAUTHORIZED = 401;

	private static final int FORBIDDEN = 403;

	private static final int REQUEST_TIMEOUT = 408;

	private static final int TOO_MANY_REQUESTS = 429;

	private static final int SERVER_ERROR = 500;

	private RegistryFailures() {
	}

	/**
	 * Whether a failure to encode or decode a value is passing, not the record's fault.
	 * @param failure what the serializer or deserializer threw
	 * @return true if the registry, the network or the broker failed, and the same record
	 * may well succeed later
	 */
	public static boolean isTransient(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isNetworkFailure(cause) || cause instanceof RetriableException) {
				return true;
			}
			Class<?> registryAnswer = registryAnswer(cause.getClass());
			if (registryAnswer != null && isTransientStatus(status(registryAnswer, cause))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNetworkFailure(Throwable cause) {
		return cause instanceof SocketException || cause instanceof UnknownHostException
				|| cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof SSLException;
	}

	/**
	 * Whether an HTTP status of the registry is a passing fault.
	 * @param status the status, or -1 if it could not be read
	 * @return true unless it is a client error other than 401, 403, 408 and 429
	 */
	static boolean isTransientStatus(int status) {
		return status < 0 || status >= SERVER_ERROR || status == REQUEST_TIMEOUT || status == TOO_MANY_REQUESTS
				|| status == UNAUTHORIZED || status == FORBIDDEN;
	}

	/**
	 * Confluent's exception type, if a type is it or extends it.
	 * @param type the type of a failure
	 * @return the Confluent type, or null
	 */
	private static Class<?> registryAnswer(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (REST_CLIENT_EXCEPTION.equals(candidate.getName())) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The HTTP status of a registry's error answer, read through Confluent's public
	 * {@code getStatus()}.
	 * @param type the Confluent exception type
	 * @param answer the exception
	 * @return the status, or -1 if it cannot be read
	 */
	private static int status(Class<?> type, Throwable answer) {
		try {
			Method getStatus = type.getMethod("getStatus");
			return (getStatus.invoke(answer) instanceof Integer status) ? status : -1;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return -1;
		}
	}

}
