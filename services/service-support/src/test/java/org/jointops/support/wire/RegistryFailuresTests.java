package org.jointops.support.wire;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;

import io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure to decode is the record's fault unless the registry, the network or the
 * broker failed. Confluent's deserializer wraps a registry's error answer in a
 * {@link SerializationException} caused by its {@code RestClientException}; here a class
 * of the same name and shape stands in for it.
 */
class RegistryFailuresTests {

	@Test
	void aRegistryThatAnswersAServerErrorIsPassing() {
		assertThat(RegistryFailures.isTransient(registryAnswered(500, 50001))).isTrue();
		assertThat(RegistryFailures.isTransient(registryAnswered(503, 50301))).isTrue();
		assertThat(RegistryFailures.isTransient(registryAnswered(504, 504))).isTrue();
	}

	@Test
	void aRegistryThatTimesOutOrThrottlesIsPassing() {
		assertThat(RegistryFailures.isTransient(registryAnswered(408, 408))).isTrue();
		assertThat(RegistryFailures.isTransient(registryAnswered(429, 429))).isTrue();
	}

	@Test
	void aRegistryThatRefusesTheServicesCredentialsIsNotTheRecordsFault() {
		assertThat(RegistryFailures.isTransient(registryAnswered(401, 40101))).isTrue();
		assertThat(RegistryFailures.isTransient(registryAnswered(403, 40301))).isTrue();
	}

	@Test
	void aSchemaTheRegistryDoesNotKnowOrRefusesIsTheRecordsFault() {
		assertThat(RegistryFailures.isTransient(registryAnswered(404, 40403))).as("schema not found").isFalse();
		assertThat(RegistryFailures.isTransient(registryAnswered(422, 42201))).as("invalid schema").isFalse();
		assertThat(RegistryFailures.isTransient(registryAnswered(400, 400))).isFalse();
	}

	@Test
	void aRegistryAnswerWhoseStatusCannotBeReadIsNeverTheRecordsFault() {
		SerializationException failure = new SerializationException("Error retrieving Avro schema for id 1",
				new UnreadableStatus());

		assertThat(RegistryFailures.isTransient(failure)).isTrue();
	}

	@Test
	void aRegistryAnswerIsRecognisedDeepInTheCauseChain() {
		KafkaException failure = new KafkaException("task failed",
				new KafkaException("wrapped", registryAnswered(503, 50301)));

		assertThat(RegistryFailures.isTransient(failure)).isTrue();
	}

	@Test
	void aRegistryOutOfReachIsPassing() {
		assertThat(RegistryFailures.isTransient(new SerializationException("Error deserializing Avro message for id 1",
				new ConnectException("Connection refused"))))
			.isTrue();
		assertThat(RegistryFailures.isTransient(new SerializationException("wrapped",
				new UncheckedIOException(new SocketException("Connection reset")))))
			.isTrue();
	}

	@Test
	void aBodyThatEndsShortIsTheRecordsFaultThoughItIsAnInputOutputException() {
		assertThat(RegistryFailures.isTransient(
				new SerializationException("Error deserializing Avro message for id 1", new java.io.EOFException())))
			.isFalse();
	}

	@Test
	void aKafkaRetriableFailureIsPassing() {
		assertThat(RegistryFailures.isTransient(new SerializationException("wrapped", new TimeoutException("late"))))
			.isTrue();
	}

	@Test
	void aValueThatCannotBeDecodedIsTheRecordsFault() {
		assertThat(RegistryFailures.isTransient(new SerializationException("Not Avro single-object encoding")))
			.isFalse();
		assertThat(RegistryFailures
			.isTransient(new SerializationException("Unknown magic byte!", new IllegalArgumentException("bad data"))))
			.isFalse();
	}

	@Test
	void aCauseChainThatLoopsEnds() {
		SerializationException first = new SerializationException("first");
		SerializationException second = new SerializationException("second", first);
		first.initCause(second);

		assertThat(RegistryFailures.isTransient(first)).isFalse();
	}

	private static SerializationException registryAnswered(int status, int errorCode) {
		return new SerializationException("Error retrieving Avro schema for id 1",
				new RestClientException("Registry answered " + status, status, errorCode));
	}

	/**
	 * A registry answer of Confluent's type whose status cannot be read.
	 */
	static class UnreadableStatus extends RestClientException {

		UnreadableStatus() {
			super("no status", 0, 0);
		}

		@Override
		public int getStatus() {
			throw new IllegalStateException("unreadable");
		}

	}

}
