package org.jointops.aggregator.publication;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.register.CurrentRegister;
import org.jointops.totals.PublishedFigures;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The published snapshots, read from {@value Topics#PUBLICATIONS} by a
 * {@link TopicFollower} (no consumer group, {@code read_committed}, from the start) like
 * the register. A snapshot counts only once the register names it: one whose number the
 * register already gives to another snapshot (its publisher lost the race for that
 * register version) is an orphan, dropped when read, or when the named one is first asked
 * for.
 */
@Component
class PublishedSnapshots implements SnapshotStore, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PublishedSnapshots.class);

	private static final TopicPartition PARTITION = new TopicPartition(Topics.PUBLICATIONS, 0);

	private final TopicFollower<String, PublishedFigures> follower;

	private final CurrentRegister register;

	private final Map<String, PublishedFigures> snapshots = new ConcurrentHashMap<>();

	PublishedSnapshots(KafkaProperties kafka, CurrentRegister register) {
		this.register = register;
		this.follower = new TopicFollower<>(Topics.publications(), kafka.buildConsumerProperties(), "publications",
				this::apply);
	}

	@Override
	public Optional<PublishedFigures> find(String key, Duration wait) {
		PublishedFigures found = this.snapshots.get(key);
		if (found == null && this.follower.awaitCaughtUp(wait)) {
			found = this.snapshots.get(key);
		}
		if (found != null) {
			dropOrphansOf(key, found);
		}
		return Optional.ofNullable(found);
	}

	@Override
	public boolean awaitRead(long offset, Duration wait) {
		return this.follower.awaitDelivered(PARTITION, offset, wait);
	}

	void apply(ConsumerRecord<String, PublishedFigures> record) {
		PublishedFigures snapshot = record.value();
		if (snapshot == null || record.key() == null) {
			return;
		}
		boolean orphan = this.register.of(snapshot.getOperation())
			.publication(snapshot.getNumber())
			.map((entry) -> !entry.snapshotKey().equals(record.key()))
			.orElse(false);
		if (orphan) {
			logger.debug("Snapshot {} skipped: the register names another snapshot for publication {} of {}",
					record.key(), snapshot.getNumber(), snapshot.getOperation());
			return;
		}
		this.snapshots.put(record.key(), snapshot);
	}

	private void dropOrphansOf(String named, PublishedFigures snapshot) {
		this.snapshots.entrySet()
			.removeIf((other) -> !other.getKey().equals(named)
					&& other.getValue().getOperation().equals(snapshot.getOperation())
					&& other.getValue().getNumber() == snapshot.getNumber());
	}

	@Override
	public void start() {
		this.follower.start();
	}

	@Override
	public void stop() {
		this.follower.stop();
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

}
