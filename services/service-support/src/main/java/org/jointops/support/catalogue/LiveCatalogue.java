package org.jointops.support.catalogue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueContent;
import org.jointops.catalogue.CatalogueDocument;
import org.jointops.catalogue.CatalogueEvolution;
import org.jointops.catalogue.InvalidCatalogueException;
import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Violation;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The catalogue of a running service: the start-up content (bundled file and extra files,
 * version 0), replaced by each valid newer version read from {@value Topics#CATALOGUE}.
 * <p>
 * A background thread reads the topic's single partition with {@code assign()} (no
 * consumer group, so every instance reads everything and only the topic's Read and
 * Describe ACLs are needed), from the beginning, {@code read_committed}. Each record's
 * document is completed with the start-up content (what it lacks, e.g. an extra file's
 * operation, is kept), checked as a whole catalogue and against the evolution rules
 * ({@link CatalogueEvolution}) from the current version, and swapped in if its version is
 * higher. Anything else is logged and skipped: a bad record never stops the service. A
 * missing topic is waited for; until it appears the start-up content stands.
 */
public class LiveCatalogue implements CurrentCatalogue, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LiveCatalogue.class);

	private static final TopicPartition PARTITION = new TopicPartition(Topics.CATALOGUE, 0);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration RETRY = Duration.ofSeconds(2);

	private final CatalogueContent startUp;

	private final Map<String, Object> consumerProperties;

	private final Map<String, Object> adminProperties;

	private final Duration startupWait;

	private final Object progress = new Object();

	private volatile CatalogueSnapshot snapshot;

	/** Offsets of the records that became versions (a handful: changes are rare). */
	private final Set<Long> appliedOffsets = ConcurrentHashMap.newKeySet();

	/** Next offset to read; -1 until the partition is assigned. */
	private volatile long position = -1;

	private volatile boolean running;

	/** Whether the topic has been seen to exist (it is never deleted). */
	private volatile boolean topicSeen;

	private Thread thread;

	private Consumer<String, String> consumer;

	private Admin admin;

	/**
	 * Creates a live catalogue at its start-up content; it follows the topic once
	 * started.
	 * @param startUp the start-up content (bundled file and extra files)
	 * @param consumerProperties the service's consumer settings (Spring Boot's
	 * {@code KafkaProperties.buildConsumerProperties()}: bootstrap servers, security);
	 * deserializers, group and commits are set here
	 * @param adminProperties the service's admin settings, to find the topic's end
	 * @param startupWait how long {@link #start()} waits to read what the topic holds
	 */
	public LiveCatalogue(Catalogue startUp, Map<String, Object> consumerProperties, Map<String, Object> adminProperties,
			Duration startupWait) {
		this.startUp = startUp.content();
		this.snapshot = CatalogueSnapshot.initial(startUp);
		this.consumerProperties = consumerProperties(consumerProperties);
		this.adminProperties = new HashMap<>(adminProperties);
		this.adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		this.adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		this.startupWait = startupWait;
	}

	static Map<String, Object> consumerProperties(Map<String, Object> service) {
		Map<String, Object> properties = new HashMap<>(service);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
		// a producer must never create the topic by asking for it
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		Object clientId = service.get(ConsumerConfig.CLIENT_ID_CONFIG);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, ((clientId != null) ? clientId : "jointops") + "-catalogue");
		return properties;
	}

	@Override
	public CatalogueSnapshot snapshot() {
		return this.snapshot;
	}

	@Override
	public boolean awaitCaughtUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long end;
		try {
			end = endOffset(timeout);
		}
		catch (UnknownTopicOrPartitionException ex) {
			return true;
		}
		catch (TimeoutException | RuntimeException ex) {
			logger.debug("Cannot read the end of {}: {}", Topics.CATALOGUE, ex.toString());
			return false;
		}
		return awaitPosition(end, deadline);
	}

	@Override
	public boolean awaitRead(long offset, Duration timeout) {
		return awaitPosition(offset + 1, System.nanoTime() + timeout.toNanos());
	}

	private boolean awaitPosition(long target, long deadline) {
		synchronized (this.progress) {
			while (this.position < target) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.running) {
					return this.position >= target;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.progress, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private long endOffset(Duration timeout) throws TimeoutException {
		Admin admin;
		synchronized (this) {
			if (this.admin == null) {
				this.admin = Admin.create(this.adminProperties);
			}
			admin = this.admin;
		}
		try {
			if (!this.topicSeen) {
				// asked first, so that a topic not made yet is an answer, not an error
				// Kafka's admin client logs (as listOffsets does)
				admin.describeTopics(List.of(Topics.CATALOGUE))
					.allTopicNames()
					.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				this.topicSeen = true;
			}
			return admin
				.listOffsets(Map.of(PARTITION, OffsetSpec.latest()),
						new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs((int) timeout.toMillis()))
				.partitionResult(PARTITION)
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException unknown) {
				throw unknown;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void start() {
		this.consumer = new KafkaConsumer<>(this.consumerProperties);
		this.running = true;
		this.thread = new Thread(this::run, "catalogue-changes");
		this.thread.setDaemon(true);
		this.thread.start();
		if (!awaitCaughtUp(this.startupWait)) {
			logger.warn("Could not read {} within {} s; starting with catalogue version {} and following it",
					Topics.CATALOGUE, this.startupWait.toSeconds(), version());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.consumer != null) {
			this.consumer.wakeup();
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
		if (this.thread != null) {
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			if (this.admin != null) {
				this.admin.close(Duration.ofSeconds(1));
				this.admin = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server and Kafka Streams, after them when stopping. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void run() {
		try (Consumer<String, String> consumer = this.consumer) {
			boolean assigned = false;
			while (this.running) {
				try {
					if (!assigned) {
						assigned = assign(consumer);
						if (!assigned) {
							pause(RETRY);
							continue;
						}
					}
					for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
						apply(record);
					}
					advance(consumer.position(PARTITION, Duration.ofSeconds(5)));
				}
				catch (WakeupException ex) {
					// stopping
				}
				catch (RuntimeException ex) {
					if (this.running) {
						logger.warn("Reading {} failed, retrying: {}", Topics.CATALOGUE, ex.toString());
						pause(RETRY);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Closing the catalogue reader failed: {}", ex.toString());
		}
	}

	private boolean assign(Consumer<String, String> consumer) {
		List<PartitionInfo> partitions = consumer.partitionsFor(Topics.CATALOGUE, Duration.ofSeconds(5));
		if (partitions == null || partitions.isEmpty()) {
			logger.debug("{} does not exist yet; catalogue version {} stands", Topics.CATALOGUE, version());
			return false;
		}
		consumer.assign(List.of(PARTITION));
		consumer.seekToBeginning(List.of(PARTITION));
		logger.info("Following {} for catalogue changes", Topics.CATALOGUE);
		return true;
	}

	private void advance(long next) {
		synchronized (this.progress) {
			this.position = next;
			this.progress.notifyAll();
		}
	}

	private void pause(Duration duration) {
		synchronized (this.progress) {
			try {
				if (this.running) {
					this.progress.wait(duration.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
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
