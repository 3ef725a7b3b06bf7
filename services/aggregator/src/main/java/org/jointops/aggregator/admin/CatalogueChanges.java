package org.jointops.aggregator.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueDocument;
import org.jointops.catalogue.CatalogueEvolution;
import org.jointops.catalogue.InvalidCatalogueException;
import org.jointops.catalogue.Violation;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.catalogue.CatalogueSnapshot;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Makes one catalogue change at a time: reads the current version (after every version
 * already written), applies the change, checks the whole catalogue and the evolution
 * rules, writes the new version to {@value Topics#CATALOGUE} (idempotent producer,
 * {@code acks=all}) and waits until this instance applies it.
 */
@Component
class CatalogueChanges implements DisposableBean {

	static final String VERSION_MISMATCH = "urn:jointops:problem:catalogue-version-mismatch";

	static final String CONFLICT = "urn:jointops:problem:catalogue-change-conflict";

	static final String UNAVAILABLE = "urn:jointops:problem:catalogue-unavailable";

	private static final Logger logger = LoggerFactory.getLogger(CatalogueChanges.class);

	private final CurrentCatalogue catalogue;

	private final Map<String, Object> producerProperties;

	private final Duration timeout;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private Producer<String, String> producer;

	@Autowired
	CatalogueChanges(CurrentCatalogue catalogue, KafkaProperties kafka, CatalogueProperties properties) {
		this(catalogue, producerProperties(kafka.buildProducerProperties(), properties.changeTimeout()),
				properties.changeTimeout(), Clock.systemUTC());
	}

	CatalogueChanges(CurrentCatalogue catalogue, Map<String, Object> producerProperties, Duration timeout,
			Clock clock) {
		this.catalogue = catalogue;
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
		properties.put(ProducerConfig.CLIENT_ID_CONFIG, ((clientId != null) ? clientId : "aggregator") + "-catalogue");
		return properties;
	}

	/**
	 * Makes a change.
	 * @param expectedVersion the version the change was made against ({@code If-Match}),
	 * or null for whatever is current
	 * @param change the change, from the current catalogue to the next content
	 * @param author who makes it
	 * @return the version that applies afterwards (the current one if the change changed
	 * nothing: nothing is written then)
	 * @throws InvalidChangeException if the result is not a valid catalogue or breaks an
	 * evolution rule
	 * @throws ChangeRefusedException if the version does not match, another change won,
	 * or Kafka cannot be reached
	 */
	CatalogueSnapshot change(Long expectedVersion, Function<Catalogue, CatalogueContent> change, String author) {
		try {
			if (!this.lock.tryLock(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw unavailable("another catalogue change is being made on this instance");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted");
		}
		try {
			return changeLocked(expectedVersion, change, author);
		}
		finally {
			this.lock.unlock();
		}
	}

	private CatalogueSnapshot changeLocked(Long expectedVersion, Function<Catalogue, CatalogueContent> change,
			String author) {
		if (!this.catalogue.awaitCaughtUp(this.timeout)) {
			throw unavailable("the catalogue topic could not be read to its end");
		}
		CatalogueSnapshot current = this.catalogue.snapshot();
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new ChangeRefusedException(HttpStatus.PRECONDITION_FAILED, VERSION_MISMATCH,
					"The catalogue is at version " + current.version() + ", not " + expectedVersion
							+ ": read it again (GET /api/v1/catalogue) and repeat the change if it still applies",
					current.version());
		}
		CatalogueContent content = change.apply(current.catalogue());
		Catalogue next;
		try {
			next = Catalogue.of(content);
		}
		catch (InvalidCatalogueException ex) {
			List<Violation> problems = new ArrayList<>();
			ex.problems().forEach((problem) -> problems.add(new Violation("catalogue", problem)));
			throw new InvalidChangeException(problems);
		}
		List<Violation> problems = CatalogueEvolution.check(current.catalogue(), next);
		if (!problems.isEmpty()) {
			throw new InvalidChangeException(problems);
		}
		if (next.content().equals(current.catalogue().content())) {
			return current;
		}
		CatalogueDocument document = new CatalogueDocument(current.version() + 1,
				Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS), author, next.content());
		RecordMetadata written = write(document);
		if (!this.catalogue.awaitRead(written.offset(), this.timeout)) {
			throw unavailable("version " + document.version() + " was written but is not applied yet; "
					+ "GET /api/v1/catalogue shows when it is");
		}
		CatalogueSnapshot applied = this.catalogue.snapshot();
		if (!this.catalogue.applied(written.offset())) {
			throw new ChangeRefusedException(HttpStatus.CONFLICT, CONFLICT,
					"Another change became version " + applied.version()
							+ " first; read the catalogue again and repeat the change if it still applies",
					applied.version());
		}
		logger.info("Catalogue version {} written by {} (offset {})", applied.version(), author, written.offset());
		return applied;
	}

	private RecordMetadata write(CatalogueDocument document) {
		try {
			return producer()
				.send(new ProducerRecord<>(Topics.CATALOGUE, CatalogueDocument.newKey(document.version()),
						document.toJson()))
				.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			logger.warn("Catalogue version {} could not be written: {}", document.version(), cause.toString());
			throw unavailable("Kafka did not acknowledge the change: " + cause.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted");
		}
	}

	private synchronized Producer<String, String> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.producerProperties);
		}
		return this.producer;
	}

	private ChangeRefusedException unavailable(String why) {
		return new ChangeRefusedException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
				"The catalogue cannot be changed now (" + why + "); nothing was changed unless said otherwise",
				this.catalogue.version());
	}

	@Override
	public synchronized void destroy() {
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(2));
		}
	}

}
