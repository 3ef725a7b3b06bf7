package org.jointops.aggregator.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jointops.aggregator.feed.CommittedTotals;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.register.RegisterChangeRefusedException;
import org.jointops.aggregator.register.RegisterChanges;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Operation;
import org.jointops.register.FigureStatus;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.PublishedFigures;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes an operation's figures: takes its committed council totals (read from
 * {@code council.totals} to its end, as every instance has them, see
 * {@link CommittedTotals}) and its register as it stands, writes the immutable snapshot
 * to {@value Topics#PUBLICATIONS} under a key of its own, then records the publication in
 * the register, which gives it its number. A snapshot whose register change loses to
 * another change is an orphan nobody reads; without {@code If-Match} the publication is
 * then tried again on the register as it now is (a few times).
 */
@Component
class Publisher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

	private static final int ATTEMPTS = 3;

	private final RegisterChanges changes;

	private final CommittedTotals totals;

	private final SnapshotStore snapshots;

	private final CurrentCatalogue catalogue;

	private final Map<String, Object> producerProperties;

	private final Duration timeout;

	private final Clock clock;

	private final Topic<String, PublishedFigures> topic = Topics.publications();

	private Producer<String, PublishedFigures> producer;

	Publisher(RegisterChanges changes, CommittedTotals totals, SnapshotStore snapshots, CurrentCatalogue catalogue,
			KafkaProperties kafka, CatalogueProperties properties, Clock clock) {
		this.changes = changes;
		this.totals = totals;
		this.snapshots = snapshots;
		this.catalogue = catalogue;
		this.timeout = properties.changeTimeout();
		this.producerProperties = producerProperties(kafka.buildProducerProperties(), this.timeout);
		this.clock = clock;
	}

	private static Map<String, Object> producerProperties(Map<String, Object> service, Duration timeout) {
		Map<String, Object> properties = new HashMap<>(service);
		properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int millis = (int) timeout.toMillis();
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		Object clientId = service.get(ProducerConfig.CLIENT_ID_CONFIG);
		properties.put(ProducerConfig.CLIENT_ID_CONFIG,
				((clientId != null) ? clientId : "aggregator") + "-publications");
		return properties;
	}

	/**
	 * Publishes an operation's figures as they stand.
	 * @param operation operation code (of the catalogue: its stages decide the status)
	 * @param expectedVersion the register version the secretariat saw ({@code If-Match}),
	 * or null for whatever is current
	 * @param by the secretariat reader who publishes
	 * @return the publication, as the register records it, and the register's version
	 * @throws UnknownOperationException if the catalogue has no such operation
	 * @throws PublicationProblem (409) if the latest publication shows the same figures
	 * @throws RegisterChangeRefusedException if the register is not at the version
	 * expected (412), changed under every attempt (409), or cannot be written (503)
	 */
	Published publish(String operation, Long expectedVersion, String by) {
		for (int attempt = 1;; attempt++) {
			try {
				return attempt(operation, expectedVersion, by);
			}
			catch (RegisterChangeRefusedException ex) {
				boolean raced = ex.status() == HttpStatus.CONFLICT || ex.status() == HttpStatus.PRECONDITION_FAILED;
				if (expectedVersion != null || !raced || attempt == ATTEMPTS) {
					throw ex;
				}
				logger.info("Publication of {} lost a race for the register ({}); trying again", operation,
						ex.getMessage());
			}
		}
	}

	private Published attempt(String operation, Long expectedVersion, String by) {
		Catalogue current = this.catalogue.current();
		Operation known = current.operation(operation).orElseThrow(() -> new UnknownOperationException(operation));
		// the register as it stands, read to its end (412 at once if If-Match names
		// another
		// version: nothing is written)
		RegisterDocument register = this.changes.change(operation, expectedVersion, (document, now) -> document);
		CouncilTotals figures = this.totals.latestCommitted(operation, this.timeout)
			.orElseGet(() -> new CouncilTotals(operation, 0L, Instant.EPOCH, 0L, List.of(), 0L));
		refuseIfNothingNew(register, figures);
		int number = register.nextPublicationNumber();
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		FigureStatus status = FigureStatuses.of(register, known, current);
		String key = operation + "/" + number + "/" + UUID.randomUUID();
		PublishedFigures snapshot = new PublishedFigures(operation, number, now, by, status.name(), figures,
				register.toJson(), current.content().toJson());
		RecordMetadata written = write(key, snapshot);
		if (!this.snapshots.awaitRead(written.offset(), this.timeout)) {
			throw new TotalsUnavailableException("The snapshot of publication " + number + " of " + operation
					+ " was written but not read back in time; nothing was published", null);
		}
		PublicationEntry entry = new PublicationEntry(number, now, by, status, key, figures.getVersion());
		// against the version of the snapshot's register: the same next number, or
		// 409/412
		RegisterDocument recorded = this.changes.change(operation, register.version(),
				(document, at) -> document.withPublication(entry));
		logger.info("Published {} number {} ({}, totals version {}) by {}", operation, number, status,
				figures.getVersion(), by);
		return new Published(recorded.publication(number).orElse(entry), recorded.version());
	}

	/**
	 * Refuses a publication that would show what the latest one shows: the same totals
	 * (epoch and version), and no exchange rate or status change since (both lists only
	 * grow).
	 * @param register the register as it stands
	 * @param figures the committed totals now
	 */
	private void refuseIfNothingNew(RegisterDocument register, CouncilTotals figures) {
		Optional<PublicationEntry> last = register.latestPublication();
		if (last.isEmpty()) {
			return;
		}
		Optional<PublishedFigures> previous = this.snapshots.find(last.get().snapshotKey(), this.timeout);
		if (previous.isEmpty()) {
			return;
		}
		CouncilTotals published = previous.get().getTotals();
		RegisterDocument then = Snapshot.registerOf(previous.get());
		boolean sameTotals = published.getEpoch() == figures.getEpoch()
				&& published.getVersion() == figures.getVersion();
		boolean sameRegister = then.rates().size() == register.rates().size()
				&& then.transitions().size() == register.transitions().size();
		if (sameTotals && sameRegister) {
			throw PublicationProblem.nothingNew(register.operation(), last.get().number());
		}
	}

	private RecordMetadata write(String key, PublishedFigures snapshot) {
		try {
			return producer().send(new ProducerRecord<>(this.topic.name(), key, snapshot))
				.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			logger.warn("Snapshot {} could not be written: {}", key, cause.toString());
			throw new TotalsUnavailableException("Kafka did not acknowledge the snapshot ("
					+ cause.getClass().getSimpleName() + "); nothing was published", cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TotalsUnavailableException("Interrupted; nothing was published", ex);
		}
	}

	private synchronized Producer<String, PublishedFigures> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.producerProperties, this.topic.keySerializer(),
					this.topic.valueSerializer());
		}
		return this.producer;
	}

	@Override
	public synchronized void destroy() {
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(2));
		}
	}

	/**
	 * A publication made.
	 *
	 * @param entry the publication as the register records it
	 * @param registerVersion the register's version with it
	 */
	record Published(PublicationEntry entry, long registerVersion) {

	}

}
