package org.jointops.system.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.system.oracle.Totals;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topics;

/**
 * Watches {@code council.totals} with {@code read_committed} for the whole of a test, as
 * the secretariat's feed would, and keeps every record it sees: per operation the version
 * must grow with every record, and each record's totals are kept for the test's own
 * checks (never negative; under traffic that only ever raises figures, never lower than
 * the record before and never above the final totals).
 */
public final class CouncilTotalsWatcher implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private final List<String> violations = new ArrayList<>();

	private final Map<String, List<Totals>> seen = new HashMap<>();

	private final Map<String, Long> versions = new HashMap<>();

	private volatile boolean running = true;

	private CouncilTotalsWatcher(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "totals-watcher-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.thread = new Thread(this::watch, "council-totals-watcher");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts watching from the topic's first record; the topic must exist.
	 * @param client bootstrap servers and security settings
	 * @return the watcher
	 */
	public static CouncilTotalsWatcher start(Map<String, Object> client) {
		CouncilTotalsWatcher watcher = new CouncilTotalsWatcher(client);
		List<TopicPartition> partitions = watcher.consumer.partitionsFor(Topics.COUNCIL_TOTALS, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		watcher.consumer.assign(partitions);
		watcher.consumer.seekToBeginning(partitions);
		watcher.thread.start();
		return watcher;
	}

	/**
	 * Every committed totals record seen so far, per operation, in order.
	 * @return operation to totals
	 */
	public synchronized Map<String, List<Totals>> seen() {
		Map<String, List<Totals>> copy = new HashMap<>();
		this.seen.forEach((operation, totals) -> copy.put(operation, List.copyOf(totals)));
		return copy;
	}

	/**
	 * Records that broke the version rule.
	 * @return descriptions, empty when none
	 */
	public synchronized List<String> violations() {
		return List.copyOf(this.violations);
	}

	/**
	 * The highest version seen of an operation.
	 * @param operation operation code
	 * @return version, 0 when none
	 */
	public synchronized long version(String operation) {
		return this.versions.getOrDefault(operation, 0L);
	}

	public synchronized int recordsSeen() {
		return this.seen.values().stream().mapToInt(List::size).sum();
	}

	private void watch() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					observe(record);
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	private synchronized void observe(ConsumerRecord<String, byte[]> record) {
		CouncilTotals totals = Answers.decode(record.value());
		long previous = this.versions.getOrDefault(record.key(), 0L);
		if (totals.getVersion() <= previous) {
			this.violations.add("%s: version %d after %d (offset %d)".formatted(record.key(), totals.getVersion(),
					previous, record.offset()));
		}
		this.versions.put(record.key(), Math.max(previous, totals.getVersion()));
		this.seen.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(Answers.canonical(totals));
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
