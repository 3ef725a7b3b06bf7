package org.jointops.aggregator.feed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live feed's source: a consumer of {@value Topics#COUNCIL_TOTALS} inside the
 * aggregator, reading only committed records ({@code read_committed}), so that versions
 * only ever grow, whatever crashes the topology goes through. It keeps each operation's
 * latest totals and hands every newer version to the subscribers of that operation.
 * <p>
 * It is outside Kafka Streams: handing out an event is putting it in a subscriber's
 * bounded queue, never waiting; a subscriber whose queue is full is dropped. The pipeline
 * never waits for a client, and the feed never holds up the pipeline.
 */
@Component
class TotalsFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TotalsFeed.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final KafkaProperties kafka;

	private final WireFormat wire;

	private final Map<String, CouncilTotals> latest = new ConcurrentHashMap<>();

	private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile KafkaConsumer<String, CouncilTotals> consumer;

	private Thread thread;

	TotalsFeed(KafkaProperties kafka, WireFormat wire) {
		this.kafka = kafka;
		this.wire = wire;
	}

	/**
	 * Subscribes to an operation's totals. The subscription gets the latest totals first
	 * if they are newer than {@code after}, then every newer version.
	 * @param subscription the subscriber
	 */
	void subscribe(Subscription subscription) {
		synchronized (this.lock) {
			CouncilTotals current = this.latest.get(subscription.operation());
			if (current != null) {
				subscription.offer(current);
			}
			this.subscribers.computeIfAbsent(subscription.operation(), (key) -> ConcurrentHashMap.newKeySet())
				.add(subscription);
		}
	}

	void unsubscribe(Subscription subscription) {
		Set<Subscription> set = this.subscribers.get(subscription.operation());
		if (set != null) {
			set.remove(subscription);
		}
	}

	/**
	 * The latest totals of an operation this feed has read.
	 * @param operation operation code
	 * @return its totals, if any were published
	 */
	Optional<CouncilTotals> latest(String operation) {
		return Optional.ofNullable(this.latest.get(operation));
	}

	int subscriberCount() {
		return this.subscribers.values().stream().mapToInt(Set::size).sum();
	}

	void publish(CouncilTotals totals) {
		synchronized (this.lock) {
			CouncilTotals current = this.latest.get(totals.getOperation());
			if (current != null && current.getVersion() >= totals.getVersion()) {
				return;
			}
			this.latest.put(totals.getOperation(), totals);
			Set<Subscription> set = this.subscribers.get(totals.getOperation());
			if (set != null) {
				set.forEach((subscription) -> subscription.offer(totals));
			}
		}
	}

	@Override
	public void start() {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		Map<String, Object> properties = this.kafka.buildConsumerProperties();
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "jointops-aggregator-feed");
		Topic<String, CouncilTotals> topic = this.wire.councilTotals();
		this.consumer = new KafkaConsumer<>(properties, topic.keyDeserializer(), topic.valueDeserializer());
		this.thread = new Thread(this::run, "totals-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		KafkaConsumer<String, CouncilTotals> consumer = this.consumer;
		try {
			while (this.running.get()) {
				try {
					read(consumer);
				}
				catch (RecordDeserializationException ex) {
					logger.warn("Skipping an unreadable record of {} at offset {}: {}", ex.topicPartition(),
							ex.offset(), ex.getMessage());
					consumer.seek(ex.topicPartition(), ex.offset() + 1);
				}
				catch (WakeupException ex) {
					// stopping
				}
				catch (RuntimeException ex) {
					if (this.running.get()) {
						logger.warn("The live feed of totals failed reading {}; trying again", Topics.COUNCIL_TOTALS,
								ex);
						pause();
					}
				}
			}
		}
		finally {
			consumer.close(Duration.ofSeconds(2));
		}
	}

	private void read(KafkaConsumer<String, CouncilTotals> consumer) {
		while (this.running.get() && consumer.assignment().isEmpty()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.COUNCIL_TOTALS, POLL)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (!partitions.isEmpty()) {
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
			}
			else {
				pause();
			}
		}
		while (this.running.get()) {
			for (ConsumerRecord<String, CouncilTotals> record : consumer.poll(POLL)) {
				if (record.value() != null) {
					publish(record.value());
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running.set(false);
		}
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			this.consumer.wakeup();
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.subscribers.values().forEach((set) -> set.forEach(Subscription::close));
			this.subscribers.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

}
