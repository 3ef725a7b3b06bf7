package org.jointops.aggregator.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.register.RegisterDocument;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.register.CurrentRegister;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Makes one register change at a time: reads the operation's current version (after every
 * version already written), applies the change, writes the next version to
 * {@value Topics#REGISTER} (idempotent producer, {@code acks=all}) and waits until this
 * instance applies it. The change itself (a function of the current register and the
 * time) checks what it needs and throws its own exceptions; nothing is written then.
 */
@Component
public class RegisterChanges implements DisposableBean {

	static final String VERSION_MISMATCH = "urn:jointops:problem:register-version-mismatch";

	static final String CONFLICT = "urn:jointops:problem:register-change-conflict";

	static final String UNAVAILABLE = "urn:jointops:problem:register-unavailable";

	private static final Logger logger = LoggerFactory.getLogger(RegisterChanges.class);

	private final CurrentRegister register;

	private final Map<String, Object> producerProperties;

	private final Duration timeout;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private Producer<String, String> producer;

	@Autowired
	RegisterChanges(CurrentRegister register, KafkaProperties kafka, CatalogueProperties properties) {
		this(register, producerProperties(kafka.buildProducerProperties(), properties.changeTimeout()),
				properties.changeTimeout(), Clock.systemUTC());
	}

	RegisterChanges(CurrentRegister register, Map<String, Object> producerProperties, Duration timeout, Clock clock) {
		this.register = register;
		this.producerProperties = producerProperties;
		this.timeout = timeout;
		this.clock = clock;
	}

	static Map<String, Object> producerProperties(Map<String, Object> service, Duration timeout) {
		Map<String, Object> properties = new HashMap<>(service);
		properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int millis = (int) timeout.toMillis();
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		Object clientId = service.get(ProducerConfig.CLIENT_ID_CONFIG);
		properties.put(ProducerConfig.CLIENT_ID_CONFIG, ((clientId != null) ? clientId : "aggregator") + "-register");
		return properties;
	}

	/**
	 * The register of an operation as it is now, after every version already written.
	 * @param operation the operation
	 * @return its register
	 * @throws RegisterChangeRefusedException (503) if the topic cannot be read to its end
	 */
	public RegisterDocument current(String operation) {
		if (!this.register.awaitCaughtUp(this.timeout)) {
			throw unavailable(operation, "the register topic could not be read to its end");
		}
		return this.register.of(operation);
	}

	/**
	 * The version an {@code If-Match} header asks a change to be made against.
	 * @param operation the operation
	 * @param ifMatch the header, e.g. {@code "4"}, or null
	 * @return the version, or null for any ({@code *} or no header)
	 * @throws RegisterChangeRefusedException (412) if it names no version
	 */
	public Long expectedVersion(String operation, String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Long.parseLong(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new RegisterChangeRefusedException(HttpStatus.PRECONDITION_FAILED, VERSION_MISMATCH,
					"If-Match must be a register version as the ETag gives it, e.g. \"4\"",
					this.register.of(operation).version());
		}
	}

	/**
	 * Makes a change.
	 * @param operation the operation
	 * @param expectedVersion the version the change was made against ({@code If-Match}),
	 * or null for whatever is current
	 * @param change the change: from the current register and the time to the next
	 * version, or the current register itself if nothing changes
	 * @return the version that applies afterwards
	 * @throws RegisterChangeRefusedException if the version does not match, another
	 * change won, or Kafka cannot be reached
	 */
	public RegisterDocument change(String operation, Long expectedVersion,
			BiFunction<RegisterDocument, Instant, RegisterDocument> change) {
		try {
			if (!this.lock.tryLock(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw unavailable(operation, "another register change is being made on this instance");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(operation, "interrupted");
		}
		try {
			return changeLocked(operation, expectedVersion, change);
		}
		finally {
			this.lock.unlock();
		}
	}

	private RegisterDocument changeLocked(String operation, Long expectedVersion,
			BiFunction<RegisterDocument, Instant, RegisterDocument> change) {
		RegisterDocument current = current(operation);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new RegisterChangeRefusedException(HttpStatus.PRECONDITION_FAILED, VERSION_MISMATCH,
					"The register of " + operation + " is at version " + current.version() + ", not " + expectedVersion
							+ ": read it again and repeat the change if it still applies",
					current.version());
		}
		RegisterDocument next = change.apply(current, Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
		if (next.version() == current.version()) {
			return current;
		}
		RecordMetadata written = write(next);
		if (!this.register.awaitRead(written.offset(), this.timeout)) {
			throw unavailable(operation, "version " + next.version() + " was written but is not applied yet");
		}
		RegisterDocument applied = this.register.of(operation);
		if (!this.register.applied(written.offset())) {
			throw new RegisterChangeRefusedException(HttpStatus.CONFLICT, CONFLICT,
					"Another change became version " + applied.version() + " of the register of " + operation
							+ " first; read it again and repeat the change if it still applies",
					applied.version());
		}
		logger.info("Register of {} at version {} written by {} (offset {})", operation, applied.version(),
				applied.changedBy(), written.offset());
		return applied;
	}

	private RecordMetadata write(RegisterDocument document) {
		try {
			return producer()
				.send(new ProducerRecord<>(Topics.REGISTER,
						RegisterDocument.newKey(document.operation(), document.version()), document.toJson()))
				.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			logger.warn("Register of {} version {} could not be written: {}", document.operation(), document.version(),
					cause.toString());
			throw unavailable(document.operation(),
					"Kafka did not acknowledge the change: " + cause.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(document.operation(), "interrupted");
		}
	}

	private synchronized Producer<String, String> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.producerProperties);
		}
		return this.producer;
	}

	private RegisterChangeRefusedException unavailable(String operation, String why) {
		return new RegisterChangeRefusedException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
				"The register cannot be changed now (" + why + "); nothing was changed unless said otherwise",
				this.register.of(operation).version());
	}

	@Override
	public synchronized void destroy() {
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(2));
		}
	}

}
