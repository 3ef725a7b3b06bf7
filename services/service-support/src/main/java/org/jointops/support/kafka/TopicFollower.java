package org.jointops.support.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jointops.wire.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Follows a topic from its first record for as long as it runs, without a consumer group:
 * every instance of a service reads everything, as Kafka Connect's {@code KafkaBasedLog}
 * reads its configuration and status topics.
 * <ul>
 * <li>Every partition of the topic is assigned ({@code assign()}: no group, no committed
 * offsets, so the topic's Read and Describe ACLs are all it needs) and read from its
 * start, {@code read_committed}. Partitions added later are picked up within
 * {@link Timing#partitionCheck()}.</li>
 * <li>Each record is handed to the {@link Listener} on the follower's own thread, in
 * offset order per partition. A record whose key or value cannot be decoded goes to
 * {@link Listener#onUndecodable} and is skipped; a listener that throws is logged and the
 * record skipped. Neither ends the thread.</li>
 * <li>{@link #readToEnd()} is answered by that same thread with its own consumer: it
 * takes the end offsets when it gets the request ({@code read_committed}: the last stable
 * offsets, so an open transaction is waited for) and completes the request once every
 * record before them has been delivered. No second (admin) client.</li>
 * <li>A topic that does not exist yet is waited for quietly: asked with
 * {@code partitionsFor}, which answers an empty list, rather than the admin client's
 * {@code listOffsets}, which logs an unknown topic at ERROR. It is followed once it
 * appears; until then {@link #readToEnd()} completes at once, there being nothing to
 * read.</li>
 * <li>A failure (a missing ACL, a broker away for longer than a request's timeout) is
 * retried with an exponential back-off up to {@link Timing#backoffMax()}. It is logged at
 * WARN when it starts, then at most once per {@link Timing#failureLogInterval()} with the
 * number of failed attempts while it lasts, and at INFO when it is over.</li>
 * <li>{@link #stop()} is quiet and bounded: it wakes the consumer up and waits at most
 * {@link Timing#stopTimeout()} for the thread, which closes its consumer. The thread is
 * never interrupted: Kafka's consumer turns an interrupt into an
 * {@code InterruptException} in any call, {@code close()} included. An interrupt from
 * elsewhere is cleared and ignored, so that only {@code stop()} ends following.</li>
 * </ul>
 * Written by hand rather than as a spring-kafka listener container with manual assignment
 * ({@code TopicPartitionOffset}s, no group): such a container assigns the partitions it
 * is given when it starts, so it neither waits for a topic that does not exist yet nor
 * picks up new partitions; nothing lets its consumer thread take the end offsets and say
 * when it has read up to them (its consumer is not to be used from another thread); and
 * it logs every retry of an authorization failure ({@code authExceptionRetryInterval})
 * rather than the start and end of a lasting one. What it would bring (listener adapters,
 * error handlers, commits, rebalance listeners) a reader without a group does not need.
 *
 * @param <K> the type of the topic's keys
 * @param <V> the type of its values
 */
public final class TopicFollower<K, V> implements SmartLifecycle, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TopicFollower.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	private final Topic<K, V> topic;

	private final Map<String, Object> consumerProperties;

	private final Deserializer<K> keys;

	private final Deserializer<V> values;

	private final Listener<K, V> listener;

	private final Timing timing;

	private final Clock clock;

	private Run run;

	/**
	 * Creates a follower with the default {@link Timing}; it follows the topic once
	 * started.
	 * @param topic the topic, with the serdes its records are decoded with
	 * @param client the client settings (bootstrap servers, security), e.g. Spring Boot's
	 * {@code KafkaProperties.buildConsumerProperties()}; group, commits, isolation and
	 * deserializers are set here
	 * @param name what the follower is for, e.g. {@code catalogue}: the suffix of its
	 * consumer's client id, which names its thread too
	 * @param listener what to do with each record
	 */
	public TopicFollower(Topic<K, V> topic, Map<String, Object> client, String name, Listener<K, V> listener) {
		this(topic, client, name, listener, Timing.DEFAULT);
	}

	/**
	 * Creates a follower; it follows the topic once started.
	 * @param topic the topic, with the serdes its records are decoded with
	 * @param client the client settings (bootstrap servers, security)
	 * @param name what the follower is for: the suffix of its consumer's client id, which
	 * names its thread too
	 * @param listener what to do with each record
	 * @param timing how long it polls, backs off and waits
	 */
	public TopicFollower(Topic<K, V> topic, Map<String, Object> client, String name, Listener<K, V> listener,
			Timing timing) {
		this(topic, client, name, listener, timing, Clock.systemUTC());
	}

	TopicFollower(Topic<K, V> topic, Map<String, Object> client, String name, Listener<K, V> listener, Timing timing,
			Clock clock) {
		this.topic = topic;
		this.consumerProperties = consumerProperties(client, name, timing);
		this.keys = topic.keyDeserializer();
		this.values = topic.valueDeserializer();
		this.listener = listener;
		this.timing = timing;
		this.clock = clock;
	}

	/**
	 * The settings of a follower's consumer: the client's, without a group, without
	 * commits, {@code read_committed}, never creating the topic.
	 * @param client the client settings
	 * @param name the follower's name
	 * @param timing its timing
	 * @return the consumer settings
	 */
	static Map<String, Object> consumerProperties(Map<String, Object> client, String name, Timing timing) {
		Map<String, Object> properties = new HashMap<>(client);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		// the records are decoded with the topic's serdes, one by one (see deliver)
		properties.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		properties.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// reading a topic must never create it
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		// the partitions are looked up in the consumer's metadata: refreshed this often
		properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) timing.partitionCheck().toMillis());
		Object clientId = client.get(ConsumerConfig.CLIENT_ID_CONFIG);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, ((clientId != null) ? clientId : "jointops") + "-" + name);
		return properties;
	}

	/** Starts following the topic from its first record, on a thread of its own. */
	@Override
	public void start() {
		synchronized (this) {
			if (this.run != null) {
				return;
			}
			this.run = new Run(new KafkaConsumer<>(this.consumerProperties, new ByteArrayDeserializer(),
					new ByteArrayDeserializer()));
			this.run.thread.start();
		}
	}

	/**
	 * Stops following: wakes the consumer up, and waits at most
	 * {@link Timing#stopTimeout()} for the thread to close it. Requests not answered yet
	 * are cancelled.
	 */
	@Override
	public void stop() {
		Run stopping;
		synchronized (this) {
			stopping = this.run;
			this.run = null;
		}
		if (stopping != null) {
			stopping.stop();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.run != null;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Asks the follower to read to the end the topic has now: its thread takes the end
	 * offsets ({@code read_committed}) when it gets the request and completes the future
	 * once every record before them has been delivered, at once if the topic does not
	 * exist. The future completes on the follower's thread: what depends on it must not
	 * block.
	 * @return a future completed once caught up, cancelled if the follower stops first,
	 * failed if it is not running
	 */
	public CompletableFuture<Void> readToEnd() {
		Run current = current();
		if (current == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("Not following " + this.topic));
		}
		return current.readToEnd();
	}

	/**
	 * Waits until the follower has delivered every record written before this call.
	 * @param timeout longest wait
	 * @return true if caught up, false if the time ran out (e.g. the broker is away) or
	 * the follower is not running
	 */
	public boolean awaitCaughtUp(Duration timeout) {
		return await(readToEnd(), timeout);
	}

	/**
	 * Waits until the follower has delivered a record of a partition, or passed its
	 * offset (e.g. the record was aborted).
	 * @param partition the partition
	 * @param offset the record's offset
	 * @param timeout longest wait
	 * @return true if the follower's position on the partition is past the offset
	 */
	public boolean awaitDelivered(TopicPartition partition, long offset, Duration timeout) {
		Run current = current();
		if (current == null) {
			return false;
		}
		return await(current.readTo(Map.of(partition, offset + 1)), timeout);
	}

	private boolean await(CompletableFuture<Void> future, Duration timeout) {
		try {
			future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			forget(future);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			forget(future);
			return false;
		}
		catch (ExecutionException | CancellationException ex) {
			return false;
		}
	}

	private void forget(CompletableFuture<Void> future) {
		future.cancel(false);
		Run current = current();
		if (current != null) {
			current.forget();
		}
	}

	/**
	 * The failed attempts of the failure that lasts, if one does.
	 * @return their number, 0 when following works
	 */
	long failedAttempts() {
		Run current = current();
		return (current != null) ? current.failures.attempts() : 0;
	}

	private synchronized Run current() {
		return this.run;
	}

	/**
	 * What a follower does with the records of its topic. Called on the follower's
	 * thread, one record at a time: it should not block for long.
	 *
	 * @param <K> the type of the keys
	 * @param <V> the type of the values
	 */
	@FunctionalInterface
	public interface Listener<K, V> {

		/**
		 * Takes a record.
		 * @param record the record, decoded
		 */
		void onRecord(ConsumerRecord<K, V> record);

		/**
		 * Takes a record whose key or value could not be decoded; it is skipped. Logs it
		 * at WARN unless overridden.
		 * @param record the record as it was read
		 * @param failure why it could not be decoded
		 */
		default void onUndecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
			logger.warn("Skipped the undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), failure.toString());
		}

	}

	/**
	 * How a follower polls, backs off and waits.
	 *
	 * @param poll the longest poll
	 * @param backoffInitial the first wait after a failure (doubled after each)
	 * @param backoffMax the longest wait after a failure, and between two looks for a
	 * topic that does not exist yet
	 * @param failureLogInterval the least time between two WARNs of one lasting failure
	 * @param partitionCheck how often partitions added to the topic are looked for
	 * @param requestTimeout the longest wait for the broker's answer (partitions, end
	 * offsets, positions)
	 * @param stopTimeout the longest wait for the thread when stopping
	 */
	public record Timing(Duration poll, Duration backoffInitial, Duration backoffMax, Duration failureLogInterval,
			Duration partitionCheck, Duration requestTimeout, Duration stopTimeout) {

		/**
		 * Polls for 500 ms, backs off from 500 ms to 10 s, logs a lasting failure once a
		 * minute, looks for new partitions every 30 s, waits 10 s for the broker and 5 s
		 * for the thread to stop.
		 */
		public static final Timing DEFAULT = new Timing(Duration.ofMillis(500), Duration.ofMillis(500),
				Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(10),
				Duration.ofSeconds(5));

		/**
		 * The same timing with another back-off.
		 * @param initial the first wait after a failure
		 * @param max the longest wait
		 * @return the timing
		 */
		public Timing withBackoff(Duration initial, Duration max) {
			return new Timing(this.poll, initial, max, this.failureLogInterval, this.partitionCheck,
					this.requestTimeout, this.stopTimeout);
		}

		/**
		 * The same timing with another interval between the WARNs of a lasting failure.
		 * @param interval the least time between two WARNs
		 * @return the timing
		 */
		public Timing withFailureLogInterval(Duration interval) {
			return new Timing(this.poll, this.backoffInitial, this.backoffMax, interval, this.partitionCheck,
					this.requestTimeout, this.stopTimeout);
		}

		/**
		 * The same timing with another interval between looks for new partitions.
		 * @param interval how often new partitions are looked for
		 * @return the timing
		 */
		public Timing withPartitionCheck(Duration interval) {
			return new Timing(this.poll, this.backoffInitial, this.backoffMax, this.failureLogInterval, interval,
					this.requestTimeout, this.stopTimeout);
		}

		BackOffExecution backoff() {
			ExponentialBackOff backoff = new ExponentialBackOff(this.backoffInitial.toMillis(), 2.0);
			backoff.setMaxInterval(this.backoffMax.toMillis());
			return backoff.start();
		}

	}

	/**
	 * Positions to reach, and the requests to complete when they are.
	 */
	private record Target(Map<TopicPartition, Long> positions, List<CompletableFuture<Void>> requests) {

		boolean reachedBy(Map<TopicPartition, Long> now) {
			return this.positions.entrySet()
				.stream()
				.allMatch((entry) -> now.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
		}

		boolean done() {
			return this.requests.stream().allMatch(CompletableFuture::isDone);
		}

		void complete() {
			this.requests.forEach((request) -> request.complete(null));
		}

	}

	/**
	 * One start-to-stop of the follower: its consumer, its thread and the requests made
	 * meanwhile. Its own monitor guards what the thread shares.
	 */
	private final class Run implements Runnable {

		private final Consumer<byte[], byte[]> consumer;

		private final Thread thread;

		private final FailureLog failures;

		/** The next offset to deliver, per assigned partition. */
		private final Map<TopicPartition, Long> positions = new HashMap<>();

		/** Requests to read to the end whose end offsets have not been taken yet. */
		private final List<CompletableFuture<Void>> endRequests = new ArrayList<>();

		private final List<Target> targets = new ArrayList<>();

		private volatile boolean stopping;

		/** Whether the thread is in {@code poll}: a request wakes it up. */
		private boolean polling;

		Run(Consumer<byte[], byte[]> consumer) {
			this.consumer = consumer;
			this.failures = new FailureLog(logger, "Following " + TopicFollower.this.topic,
					TopicFollower.this.timing.failureLogInterval(), TopicFollower.this.clock);
			// named as its consumer, e.g. state-producer-kaz-catalogue
			this.thread = new Thread(this,
					String.valueOf(TopicFollower.this.consumerProperties.get(ConsumerConfig.CLIENT_ID_CONFIG)));
			this.thread.setDaemon(true);
		}

		CompletableFuture<Void> readToEnd() {
			CompletableFuture<Void> request = new CompletableFuture<>();
			boolean wakeUp;
			synchronized (this) {
				if (this.stopping) {
					request.cancel(false);
					return request;
				}
				this.endRequests.add(request);
				wakeUp = this.polling;
				notifyAll();
			}
			if (wakeUp) {
				this.consumer.wakeup();
			}
			return request;
		}

		synchronized CompletableFuture<Void> readTo(Map<TopicPartition, Long> positions) {
			CompletableFuture<Void> request = new CompletableFuture<>();
			if (this.stopping) {
				request.cancel(false);
				return request;
			}
			Target target = new Target(positions, List.of(request));
			if (target.reachedBy(this.positions)) {
				request.complete(null);
			}
			else {
				this.targets.add(target);
			}
			return request;
		}

		/** Drops the requests that were given up. */
		synchronized void forget() {
			this.endRequests.removeIf(CompletableFuture::isDone);
			this.targets.removeIf(Target::done);
		}

		void stop() {
			synchronized (this) {
				this.stopping = true;
				notifyAll();
			}
			this.consumer.wakeup();
			try {
				this.thread.join(TopicFollower.this.timing.stopTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (this.thread.isAlive()) {
				logger.warn("Following {} did not stop within {} s", TopicFollower.this.topic,
						TopicFollower.this.timing.stopTimeout().toSeconds());
			}
		}

		@Override
		public void run() {
			try {
				follow();
			}
			finally {
				finish();
			}
		}

		private void follow() {
			BackOffExecution backoff = null;
			BackOffExecution topicWait = null;
			long nextPartitionCheck = System.nanoTime();
			while (!this.stopping) {
				try {
					if (this.consumer.assignment().isEmpty() || System.nanoTime() - nextPartitionCheck >= 0) {
						if (!assign()) {
							this.failures.succeeded();
							backoff = null;
							answerWithoutTopic();
							topicWait = (topicWait != null) ? topicWait : TopicFollower.this.timing.backoff();
							pause(topicWait.nextBackOff(), true);
							continue;
						}
						topicWait = null;
						nextPartitionCheck = System.nanoTime() + TopicFollower.this.timing.partitionCheck().toNanos();
					}
					takeEndOffsets();
					ConsumerRecords<byte[], byte[]> records = poll();
					if (records != null) {
						records.forEach(this::deliver);
						advance();
					}
					this.failures.succeeded();
					backoff = null;
				}
				catch (WakeupException ex) {
					// stop() or a request: the loop looks again
				}
				catch (InterruptException ex) {
					// only stop() ends following; Kafka's exception set the flag again
					Thread.interrupted();
					logger.debug("Following {}: interrupt ignored", TopicFollower.this.topic);
				}
				catch (RuntimeException ex) {
					if (!this.stopping) {
						this.failures.failed(ex);
						backoff = (backoff != null) ? backoff : TopicFollower.this.timing.backoff();
						pause(backoff.nextBackOff(), false);
					}
				}
			}
		}

		/**
		 * Assigns the topic's partitions not assigned yet, from their start.
		 * @return false if the topic does not exist (yet)
		 */
		private boolean assign() {
			List<PartitionInfo> partitions = this.consumer.partitionsFor(TopicFollower.this.topic.name(),
					TopicFollower.this.timing.requestTimeout());
			Set<TopicPartition> assigned = this.consumer.assignment();
			if (partitions == null || partitions.isEmpty()) {
				logger.debug("{} does not exist yet", TopicFollower.this.topic);
				return !assigned.isEmpty();
			}
			Set<TopicPartition> added = new HashSet<>();
			for (PartitionInfo partition : partitions) {
				TopicPartition topicPartition = new TopicPartition(partition.topic(), partition.partition());
				if (!assigned.contains(topicPartition)) {
					added.add(topicPartition);
				}
			}
			if (added.isEmpty()) {
				return true;
			}
			Set<TopicPartition> all = new HashSet<>(assigned);
			all.addAll(added);
			this.consumer.assign(all);
			this.consumer.seekToBeginning(added);
			if (assigned.isEmpty()) {
				logger.info("Following {} from its start ({} partitions)", TopicFollower.this.topic, all.size());
			}
			else {
				logger.info("Following {} new partitions of {} from their start", added.size(),
						TopicFollower.this.topic);
			}
			return true;
		}

		/** The topic does not exist: nothing was written before the requests. */
		private void answerWithoutTopic() {
			List<CompletableFuture<Void>> requests;
			synchronized (this) {
				requests = List.copyOf(this.endRequests);
				this.endRequests.clear();
			}
			requests.forEach((request) -> request.complete(null));
		}

		private void takeEndOffsets() {
			List<CompletableFuture<Void>> requests;
			synchronized (this) {
				this.endRequests.removeIf(CompletableFuture::isDone);
				if (this.endRequests.isEmpty()) {
					return;
				}
				requests = List.copyOf(this.endRequests);
			}
			Map<TopicPartition, Long> end = new HashMap<>();
			this.consumer.endOffsets(this.consumer.assignment(), TopicFollower.this.timing.requestTimeout())
				.forEach((partition, offset) -> {
					if (offset > 0) {
						end.put(partition, offset);
					}
				});
			synchronized (this) {
				this.endRequests.removeAll(requests);
				Target target = new Target(end, requests);
				if (target.reachedBy(this.positions)) {
					target.complete();
				}
				else {
					this.targets.add(target);
				}
			}
		}

		/**
		 * Polls unless a request or stop() came meanwhile.
		 * @return the records, or null to look at the requests first
		 */
		private ConsumerRecords<byte[], byte[]> poll() {
			synchronized (this) {
				if (this.stopping || !this.endRequests.isEmpty()) {
					return null;
				}
				this.polling = true;
			}
			try {
				return this.consumer.poll(TopicFollower.this.timing.poll());
			}
			finally {
				synchronized (this) {
					this.polling = false;
				}
			}
		}

		private void deliver(ConsumerRecord<byte[], byte[]> raw) {
			ConsumerRecord<K, V> record;
			try {
				record = new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
						raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(),
						TopicFollower.this.keys.deserialize(raw.topic(), raw.headers(), raw.key()),
						TopicFollower.this.values.deserialize(raw.topic(), raw.headers(), raw.value()), raw.headers(),
						raw.leaderEpoch());
			}
			catch (RuntimeException ex) {
				try {
					TopicFollower.this.listener.onUndecodable(raw, ex);
				}
				catch (RuntimeException failure) {
					logger.warn("Following {}: the listener failed on the undecodable record {}-{}@{}",
							TopicFollower.this.topic, raw.topic(), raw.partition(), raw.offset(), failure);
				}
				return;
			}
			try {
				TopicFollower.this.listener.onRecord(record);
			}
			catch (RuntimeException ex) {
				logger.warn("Following {}: the listener failed on the record {}-{}@{}; skipped",
						TopicFollower.this.topic, raw.topic(), raw.partition(), raw.offset(), ex);
			}
		}

		/** Notes the positions reached and completes the requests they answer. */
		private void advance() {
			Map<TopicPartition, Long> reached = new HashMap<>();
			for (TopicPartition partition : this.consumer.assignment()) {
				reached.put(partition, this.consumer.position(partition, TopicFollower.this.timing.requestTimeout()));
			}
			List<Target> answered = new ArrayList<>();
			synchronized (this) {
				this.positions.putAll(reached);
				this.targets.removeIf((target) -> {
					if (target.done()) {
						return true;
					}
					if (target.reachedBy(this.positions)) {
						answered.add(target);
						return true;
					}
					return false;
				});
			}
			answered.forEach(Target::complete);
		}

		/**
		 * Waits, until stop() (or, while the topic does not exist, a request) comes.
		 * @param millis how long at most
		 * @param forTopic whether the topic is waited for
		 */
		private void pause(long millis, boolean forTopic) {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
			synchronized (this) {
				while (!this.stopping && !(forTopic && !this.endRequests.isEmpty())) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return;
					}
					try {
						TimeUnit.NANOSECONDS.timedWait(this, left);
					}
					catch (InterruptedException ex) {
						// only stop() ends following
						logger.debug("Following {}: interrupt ignored", TopicFollower.this.topic);
					}
				}
			}
		}

		private void finish() {
			List<CompletableFuture<Void>> unanswered = new ArrayList<>();
			synchronized (this) {
				this.stopping = true;
				unanswered.addAll(this.endRequests);
				this.targets.forEach((target) -> unanswered.addAll(target.requests()));
				this.endRequests.clear();
				this.targets.clear();
			}
			unanswered.forEach((request) -> request.cancel(false));
			// an interrupt left over would make close() throw and log
			Thread.interrupted();
			try {
				this.consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the consumer of {} failed", TopicFollower.this.topic, ex);
			}
			logger.debug("Stopped following {}", TopicFollower.this.topic);
		}

	}

}
