package org.jointops.support.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueDocument;
import org.jointops.catalogue.CatalogueEvolution;
import org.jointops.catalogue.InvalidCatalogueException;
import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Violation;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The catalogue of a running service: the start-up content (bundled file and extra files,
 * version 0), replaced by each valid newer version read from {@value Topics#CATALOGUE}.
 * <p>
 * A {@link TopicFollower} reads the topic's single partition (no consumer group, so every
 * instance reads everything and only the topic's Read and Describe ACLs are needed), from
 * the beginning, {@code read_committed}, and answers whether it has caught up. Each
 * record's document is completed with the start-up content (what it lacks, e.g. an extra
 * file's operation, is kept), checked as a whole catalogue and against the evolution
 * rules ({@link CatalogueEvolution}) from the current version, and swapped in if its
 * version is higher. Anything else is logged and skipped: a bad record never stops the
 * service. A missing topic is waited for; until it appears the start-up content stands.
 */
public class LiveCatalogue implements CurrentCatalogue, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LiveCatalogue.class);

	private static final TopicPartition PARTITION = new TopicPartition(Topics.CATALOGUE, 0);

	private final CatalogueContent startUp;

	private final TopicFollower<String, String> follower;

	private final Duration startupWait;

	private volatile CatalogueSnapshot snapshot;

	/** Offsets of the records that became versions (a handful: changes are rare). */
	private final Set<Long> appliedOffsets = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a live catalogue at its start-up content; it follows the topic once
	 * started.
	 * @param startUp the start-up content (bundled file and extra files)
	 * @param consumerProperties the service's consumer settings (Spring Boot's
	 * {@code KafkaProperties.buildConsumerProperties()}: bootstrap servers, security);
	 * the follower sets group, commits and isolation
	 * @param startupWait how long {@link #start()} waits to read what the topic holds
	 */
	public LiveCatalogue(Catalogue startUp, Map<String, Object> consumerProperties, Duration startupWait) {
		this.startUp = startUp.content();
		this.snapshot = CatalogueSnapshot.initial(startUp);
		this.follower = new TopicFollower<>(Topics.catalogue(), consumerProperties, "catalogue", this::apply);
		this.startupWait = startupWait;
	}

	@Override
	public CatalogueSnapshot snapshot() {
		return this.snapshot;
	}

	@Override
	public boolean awaitCaughtUp(Duration timeout) {
		return this.follower.awaitCaughtUp(timeout);
	}

	@Override
	public boolean awaitRead(long offset, Duration timeout) {
		return this.follower.awaitDelivered(PARTITION, offset, timeout);
	}

	@Override
	public void start() {
		this.follower.start();
		if (!awaitCaughtUp(this.startupWait)) {
			logger.warn("Could not read {} within {} s; starting with catalogue version {} and following it",
					Topics.CATALOGUE, this.startupWait.toSeconds(), version());
		}
	}

	@Override
	public void stop() {
		this.follower.stop();
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

	/** Before the web server and Kafka Streams, after them when stopping. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public boolean applied(long offset) {
		return this.appliedOffsets.contains(offset);
	}

	void apply(ConsumerRecord<String, String> record) {
		CatalogueSnapshot current = this.snapshot;
		try {
			CatalogueSnapshot next = next(current, record.value(), record.offset(), this.startUp);
			if (next == null) {
				logger.debug("Catalogue record at offset {} is not newer than version {}; skipped", record.offset(),
						current.version());
				return;
			}
			this.appliedOffsets.add(next.offset());
			this.snapshot = next;
			logger.info("Catalogue version {} (changed at {} by {}) now applies", next.version(), next.changedAt(),
					next.changedBy());
		}
		catch (InvalidCatalogueException ex) {
			logger.error("Catalogue record at offset {} of {} skipped, catalogue version {} stands: {}",
					record.offset(), Topics.CATALOGUE, current.version(), ex.getMessage());
		}
	}

	/**
	 * The version a record makes current.
	 * @param current the current version
	 * @param value the record's value
	 * @param offset its offset
	 * @param startUp the start-up content, to complete the record's document with
	 * @return the new version, or null if the record is not newer
	 * @throws InvalidCatalogueException if the record is not a valid catalogue or breaks
	 * the evolution rules
	 */
	static CatalogueSnapshot next(CatalogueSnapshot current, String value, long offset, CatalogueContent startUp) {
		CatalogueDocument document = CatalogueDocument.fromJson(value);
		if (document.version() <= current.version()) {
			return null;
		}
		Catalogue catalogue = Catalogue.of(document.catalogue().withMissingFrom(startUp));
		List<Violation> problems = CatalogueEvolution.check(current.catalogue(), catalogue);
		if (!problems.isEmpty()) {
			throw new InvalidCatalogueException(problems.stream().map(Violation::toString).toList());
		}
		return new CatalogueSnapshot(document.version(), catalogue, new ReportRules(catalogue), offset,
				document.changedAt(), document.changedBy());
	}

}
