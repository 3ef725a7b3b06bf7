package org.jointops.producer.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.publish.KafkaUnavailableException;
import org.jointops.producer.publish.ReportClaims;
import org.jointops.report.ReportRevision;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.support.replication.ReplicationProperties;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The state's owners topic ({@link Topics#owners}): who first sent each report, one
 * record per report, compacted. A producer reads it at start-up, so that its start-up is
 * bounded by the number of reports, not by the number of their revisions in the findings
 * topic, which is kept for ever.
 * <ul>
 * <li>The topic is created at start-up if missing (compacted, with the findings topic's
 * partitions and replication), then followed from its start for as long as the producer
 * runs ({@link TopicFollower}, committed records only) into {@link ReportOwners}: the
 * first record of a report id names its owner. Reports are answered 503 until it has been
 * read to the end it had at start-up.</li>
 * <li>Before the first revision of a report it does not know is published, the producer
 * writes the report's owner, the revision's agency (acks=all, idempotent), and waits
 * until it has read that record back: if another agency's record came first (another
 * instance took the same new report id a moment before), the revision is refused like any
 * revision of another agency's report. Revisions of known reports cost nothing extra. If
 * the revision is not published after all, its owner record stays: it reserves the report
 * id for that agency.</li>
 * <li>Every instance that reads a record naming another agency than the report's owner
 * writes the owner again, so that compaction, which keeps the last record of a key, keeps
 * the owner. Such records stay uncompacted for {@link #COMPACTION_LAG} at least.</li>
 * <li>An owners topic without the {@link Topics#OWNERS_COMPLETE} record (new, or filled
 * by a start-up that did not finish) is first filled from the findings topic, read once
 * to its end: the agency of each report's first revision, for each report the owners
 * topic does not name yet; then that record is written. Two instances that do it at once
 * write the same records.</li>
 * <li>Report marks ({@link ReportMarks}: one key per report, revision and state, under
 * {@link Topics#OWNERS_MARK_PREFIX}; those of the release before under
 * {@link Topics#OWNERS_WITHDRAWN_PREFIX} are still read) are written when a report's
 * first revision, a withdrawal, a revision that brings a withdrawn report back or one
 * that moves it to another stage is accepted, without waiting for them, and followed into
 * {@link ReportMarks}, where the highest revision of a report wins. A key is never
 * written with another kind of mark, so compaction keeps every mark; two instances that
 * accept the same revision at once write its key with their own times, and an instance of
 * an earlier release, which takes marks for owners, then writes the first value again
 * once. An owners topic from before marks has none.</li>
 * </ul>
 */
@Component
class OwnersTopic implements SmartLifecycle, ReportClaims {

	private static final Logger logger = LoggerFactory.getLogger(OwnersTopic.class);

	/**
	 * How long start-up waits for the owners before the producer goes on (requests are
	 * answered 503 until they are known).
	 */
	private static final Duration START_PATIENCE = Duration.ofSeconds(5);

	/**
	 * A record stays uncompacted this long at least, so that the owner of a report that
	 * two agencies claimed at once is written again before compaction could drop its
	 * first record.
	 */
	static final Duration COMPACTION_LAG = Duration.ofDays(7);

	/** Longest wait for the follower to read the record that ends a backfill. */
	private static final Duration BACKFILL_READ_BACK = Duration.ofMinutes(2);

	private static final long RETRY_MIN_MILLIS = 1_000;

	private static final long RETRY_MAX_MILLIS = 30_000;

	private final ReportOwners owners;

	private final ReportMarks marks;

	private final Topic<String, String> topic;

	private final Topic<String, ReportRevision> findings;

	private final NewTopic definition;

	private final TopicProvisioner provisioner;

	private final Map<String, Object> consumerClient;

	private final Map<String, Object> producerProperties;

	private final String name;

	private final TopicFollower<String, String> follower;

	private final AtomicBoolean ensuring = new AtomicBoolean();

	private volatile boolean running;

	/** Whether the follower has read the {@link Topics#OWNERS_COMPLETE} record. */
	private volatile boolean complete;

	private volatile Producer<String, String> producer;

	private volatile ExecutorService background;

	private volatile TopicFollower<String, ReportRevision> backfillReader;

	OwnersTopic(ReportOwners owners, ReportMarks marks, KafkaProperties kafka, WireFormat wire,
			ProducerProperties properties, TopicProvisioner provisioner, ReplicationProperties replication) {
		this.owners = owners;
		this.marks = marks;
		this.topic = Topics.owners(properties.state());
		this.findings = wire.findings(properties.state());
		this.provisioner = provisioner;
		this.definition = replication.topic(this.topic.name())
			.partitions(properties.topic().partitions())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(COMPACTION_LAG.toMillis()))
			.build();
		this.name = "report-owners-" + properties.state().toLowerCase(Locale.ROOT);
		this.consumerClient = kafka.buildConsumerProperties();
		this.producerProperties = producerProperties(kafka.buildProducerProperties(), this.name);
		this.follower = new TopicFollower<>(this.topic, this.consumerClient, this.name, this::onRecord);
	}

	/**
	 * The settings of the producer of owner records: the service's (acks=all, idempotent,
	 * bounded waits), with a client id of its own.
	 * @param service the service's producer settings
	 * @param name what the producer is for
	 * @return the settings
	 */
	private static Map<String, Object> producerProperties(Map<String, Object> service, String name) {
		Map<String, Object> properties = new HashMap<>(service);
		properties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		properties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		Object clientId = service.get(ProducerConfig.CLIENT_ID_CONFIG);
		properties.put(ProducerConfig.CLIENT_ID_CONFIG, ((clientId != null) ? clientId : "jointops") + "-" + name);
		return properties;
	}

	@Override
	public void start() {
		this.running = true;
		this.producer = new KafkaProducer<>(this.producerProperties, new StringSerializer(), new StringSerializer());
		this.background = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, this.name + "-start");
			thread.setDaemon(true);
			return thread;
		});
		this.marks.writeTo(this::writeMark);
		this.follower.start();
		this.background.execute(this::prepare);
		// requests meet a known set of owners unless Kafka is slow or the topic is filled
		// for the first time (then they are answered 503 until it is read)
		if (!this.owners.awaitReady(START_PATIENCE)) {
			logger.warn("{} not read within {} s; reports are answered 503 until it is", this.topic,
					START_PATIENCE.toSeconds());
		}
	}

	/**
	 * Makes sure the topic exists, reads it to its end, fills it from the findings topic
	 * first if it is not complete, and then lets requests in. Tried again with a back-off
	 * until it succeeds or the producer stops.
	 */
	private void prepare() {
		long started = System.nanoTime();
		long wait = RETRY_MIN_MILLIS;
		while (this.running) {
			try {
				this.provisioner.createIfMissing(this.definition);
				await(this.follower.readToEnd());
				if (!this.complete) {
					backfill();
				}
				this.owners.markReady();
				logger.info("Read the owners of {} reports from {} in {} ms", this.owners.size(), this.topic,
						millisSince(started));
				return;
			}
			catch (CancellationException | InterruptedException ex) {
				return; // stopped
			}
			catch (RuntimeException | ExecutionException | TimeoutException ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Cannot read {} yet (trying again in {} s): {}", this.topic, wait / 1000, describe(ex));
				try {
					TimeUnit.MILLISECONDS.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					return; // stopped
				}
				wait = Math.min(wait * 2, RETRY_MAX_MILLIS);
			}
		}
	}

	/**
	 * Fills the owners topic from the findings topic, read once to its end: one record
	 * per report it does not name yet, then the record that says it is complete, then
	 * waits until the follower has read them.
	 */
	private void backfill() throws InterruptedException, ExecutionException, TimeoutException {
		long started = System.nanoTime();
		Map<String, String> firstAgencies = new ConcurrentHashMap<>();
		AtomicLong revisions = new AtomicLong();
		TopicFollower<String, ReportRevision> reader = new TopicFollower<>(this.findings, this.consumerClient,
				this.name + "-backfill", new TopicFollower.Listener<>() {

					@Override
					public void onRecord(ConsumerRecord<String, ReportRevision> record) {
						revisions.incrementAndGet();
						if (record.key() != null && record.value() != null) {
							firstAgencies.putIfAbsent(record.key(), record.value().getAgency());
						}
					}

					@Override
					public void onUndecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
						// the aggregator dead-letters it
						revisions.incrementAndGet();
					}

				});
		this.backfillReader = reader;
		try {
			reader.start();
			if (!this.running) {
				throw new CancellationException();
			}
			await(reader.readToEnd());
		}
		finally {
			reader.stop();
			this.backfillReader = null;
		}
		Producer<String, String> producer = currentProducer();
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		firstAgencies.forEach((reportId, agency) -> {
			if (this.owners.known(reportId).isEmpty()) {
				sent.add(producer.send(new ProducerRecord<>(this.topic.name(), reportId, agency)));
			}
		});
		for (Future<RecordMetadata> future : sent) {
			// the producer completes it within its own bounds
			future.get();
		}
		RecordMetadata end = producer
			.send(new ProducerRecord<>(this.topic.name(), Topics.OWNERS_COMPLETE, String.valueOf(firstAgencies.size())))
			.get();
		// wakes the follower up if it is still waiting for the topic to appear
		this.follower.readToEnd();
		if (!this.follower.awaitDelivered(new TopicPartition(end.topic(), end.partition()), end.offset(),
				BACKFILL_READ_BACK)) {
			throw new TimeoutException(
					"the end of the backfill was not read back within " + BACKFILL_READ_BACK.toSeconds() + " s");
		}
		await(this.follower.readToEnd());
		logger.info(
				"Backfilled the owners of {} reports into {} from {} ({} revisions, {} reports named already) in {} ms",
				sent.size(), this.topic, this.findings, revisions.get(), firstAgencies.size() - sent.size(),
				millisSince(started));
	}

	private void onRecord(ConsumerRecord<String, String> record) {
		String reportId = record.key();
		String agency = record.value();
		if (reportId == null || agency == null) {
			return;
		}
		if (Topics.OWNERS_COMPLETE.equals(reportId)) {
			this.complete = true;
			return;
		}
		Optional<String> marked = ReportMarks.reportIdOf(reportId);
		if (marked.isPresent()) {
			onMark(marked.get(), agency);
			return;
		}
		String owner = this.owners.noted(reportId, agency);
		if (!owner.equals(agency)) {
			writeAgain(reportId, owner, agency);
		}
	}

	/**
	 * Notes a report mark, unless one of a higher revision of the report is known.
	 * @param reportId the report id
	 * @param value the value of the mark's record
	 */
	private void onMark(String reportId, String value) {
		ReportMark.parse(value).ifPresent((mark) -> this.marks.noted(reportId, mark));
	}

	/**
	 * Writes a report's mark, without waiting: best effort (a failure is logged; the mark
	 * makes answers clearer and locks firmer, and what counts is decided by the
	 * aggregator).
	 * @param reportId the report id
	 * @param mark its mark
	 */
	private void writeMark(String reportId, ReportMark mark) {
		Producer<String, String> producer = this.producer;
		if (producer == null || !this.running) {
			return;
		}
		try {
			producer.send(new ProducerRecord<>(this.topic.name(), ReportMarks.key(reportId, mark), mark.toValue()),
					(metadata, failure) -> {
						if (failure != null) {
							logger.warn("Could not write the mark of report {}: {}", reportId, describe(failure));
						}
					});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write the mark of report {}: {}", reportId, describe(ex));
		}
	}

	/**
	 * Writes the owner of a report again after a record that names another agency, so
	 * that compaction keeps the owner.
	 * @param reportId the report id
	 * @param owner its owner, named by its first record
	 * @param later the agency a later record names
	 */
	private void writeAgain(String reportId, String owner, String later) {
		Producer<String, String> producer = this.producer;
		if (producer == null || !this.running) {
			return;
		}
		logger.info("Report {} was claimed for {} after {} (at once, on two instances): {} stays its owner, "
				+ "written again", reportId, later, owner, owner);
		try {
			producer.send(new ProducerRecord<>(this.topic.name(), reportId, owner), (metadata, failure) -> {
				if (failure != null) {
					logger.warn("Could not write the owner of report {} again: {}", reportId, describe(failure));
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write the owner of report {} again: {}", reportId, describe(ex));
		}
	}

	@Override
	public Map<String, String> claim(List<ReportRevision> revisions, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, String> wanted = new LinkedHashMap<>();
		for (ReportRevision revision : revisions) {
			if (this.owners.firstAgency(revision.getReportId()).isEmpty()) {
				wanted.putIfAbsent(revision.getReportId(), revision.getAgency());
			}
		}
		if (!wanted.isEmpty()) {
			write(wanted, deadline);
		}
		Map<String, String> refused = new LinkedHashMap<>();
		for (ReportRevision revision : revisions) {
			Optional<String> owner = this.owners.firstAgency(revision.getReportId());
			if (owner.isEmpty()) {
				// the topic was deleted and made again meanwhile: the follower read past
				// it
				throw new KafkaUnavailableException("the owner of report " + revision.getReportId()
						+ " was written but not read back from " + this.topic, null);
			}
			if (!owner.get().equals(revision.getAgency())) {
				refused.put(revision.getReportId(), owner.get());
			}
		}
		return refused;
	}

	/**
	 * Writes owner records and waits until the follower has read them back.
	 * @param owners the agency of each report id
	 * @param deadline when to give up ({@link System#nanoTime()})
	 */
	private void write(Map<String, String> owners, long deadline) {
		Producer<String, String> producer = currentProducer();
		List<Future<RecordMetadata>> sent = new ArrayList<>(owners.size());
		Map<TopicPartition, Long> last = new HashMap<>();
		try {
			owners.forEach((reportId, agency) -> sent
				.add(producer.send(new ProducerRecord<>(this.topic.name(), reportId, agency))));
			for (Future<RecordMetadata> future : sent) {
				RecordMetadata written = future.get(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
				last.merge(new TopicPartition(written.topic(), written.partition()), written.offset(), Math::max);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaUnavailableException("interrupted while waiting for Kafka", ex);
		}
		catch (KafkaException | ExecutionException | TimeoutException ex) {
			ensureSoon();
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			throw new KafkaUnavailableException(
					"Kafka did not acknowledge who sent the report first (" + describe(cause) + ")", ex);
		}
		last.forEach((partition, offset) -> {
			if (!this.follower.awaitDelivered(partition, offset, left(deadline))) {
				throw new KafkaUnavailableException(
						"who sent the report first was written but not read back from " + this.topic + " in time",
						null);
			}
		});
	}

	private Producer<String, String> currentProducer() {
		Producer<String, String> current = this.producer;
		if (current == null) {
			throw new KafkaUnavailableException("the producer is stopping", null);
		}
		return current;
	}

	/** Makes the topic again in the background (it may have been deleted). */
	private void ensureSoon() {
		ExecutorService executor = this.background;
		if (executor == null || !this.ensuring.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.execute(() -> {
				try {
					this.provisioner.createIfMissing(this.definition);
				}
				catch (RuntimeException ex) {
					logger.debug("Topic {} not ensured yet: {}", this.topic, ex.getMessage());
				}
				finally {
					this.ensuring.set(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.ensuring.set(false);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		TopicFollower<String, ReportRevision> reader = this.backfillReader;
		if (reader != null) {
			reader.stop();
		}
		this.follower.stop();
		ExecutorService executor = this.background;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Producer<String, String> current = this.producer;
		this.producer = null;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void await(Future<Void> future) throws InterruptedException, ExecutionException {
		future.get();
	}

	private static Duration left(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	private static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
	}

}
