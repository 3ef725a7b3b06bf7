package org.jointops.aggregator.feed;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live feed's source: a {@link TopicFollower} of {@value Topics#COUNCIL_TOTALS}
 * inside the aggregator, reading only committed records ({@code read_committed}), so that
 * versions only ever grow, whatever crashes the topology goes through. It keeps each
 * operation's latest totals and hands every newer version to the subscribers of that
 * operation.
 * <p>
 * It is outside Kafka Streams: handing out an event is putting it in a subscriber's
 * bounded queue, never waiting; a subscriber whose queue is full is dropped. The pipeline
 * never waits for a client, and the feed never holds up the pipeline.
 */
@Component
class TotalsFeed implements SmartLifecycle {

	private final TopicFollower<String, CouncilTotals> follower;

	private final Map<String, CouncilTotals> latest = new ConcurrentHashMap<>();

	private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	TotalsFeed(KafkaProperties kafka, WireFormat wire) {
		// an undecodable record is logged and skipped by the follower
		this.follower = new TopicFollower<>(wire.councilTotals(), kafka.buildConsumerProperties(), "totals-feed",
				(record) -> {
					if (record.value() != null) {
						publish(record.value());
					}
				});
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
		this.follower.start();
	}

	@Override
	public void stop() {
		if (this.follower.isRunning()) {
			this.follower.stop();
			this.subscribers.values().forEach((set) -> set.forEach(Subscription::close));
			this.subscribers.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

}
