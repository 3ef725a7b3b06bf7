package org.jointops.aggregator.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live feed's source: a {@link TopicFollower} of {@value Topics#COUNCIL_TOTALS}
 * inside the aggregator, reading only committed records ({@code read_committed}). It
 * keeps each operation's latest totals, ordered by {@link FeedPosition} (epoch, then
 * version: a reset's rebuilt totals, with a later epoch, replace the old ones although
 * their versions start again at 1), and hands every newer one to the subscribers of that
 * operation.
 * <p>
 * At start it reads the topic to its end before it serves anybody: until then it is not
 * {@link #isCaughtUp() caught up} (health {@code feed} OUT_OF_SERVICE, and so not ready),
 * subscribers wait, and the totals it replays only update the latest. Once caught up,
 * each waiting subscriber gets its operation's latest totals (or the empty version 0 if a
 * client without {@code Last-Event-ID} follows an operation without any), never an older
 * version on the way.
 * <p>
 * It is outside Kafka Streams: handing out an event is putting it in a subscriber's
 * bounded queue, never waiting; a subscriber whose queue is full is dropped. The pipeline
 * never waits for a client, and the feed never holds up the pipeline.
 */
@Component
class TotalsFeed implements SmartLifecycle, CommittedTotals {

	private static final Logger logger = LoggerFactory.getLogger(TotalsFeed.class);

	private final TopicFollower<String, CouncilTotals> follower;

	private final Map<String, CouncilTotals> latest = new ConcurrentHashMap<>();

	private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private volatile boolean caughtUp;

	private volatile boolean running;

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
	 * Subscribes to an operation's totals. Once the feed has caught up, the subscription
	 * gets the latest totals first (those it has not got, by {@link FeedPosition}), the
	 * empty version 0 if there are none and the client has nothing, then every newer
	 * version.
	 * @param subscription the subscriber
	 */
	void subscribe(Subscription subscription) {
		synchronized (this.lock) {
			if (this.caughtUp) {
				offerCurrent(subscription);
			}
			this.subscribers.computeIfAbsent(subscription.operation(), (key) -> ConcurrentHashMap.newKeySet())
				.add(subscription);
		}
	}

	private void offerCurrent(Subscription subscription) {
		CouncilTotals current = this.latest.get(subscription.operation());
		if (current != null) {
			subscription.offer(current);
		}
		else if (subscription.startsFromNothing()) {
			// nothing published: the client starts from empty totals, version 0
			subscription.offer(empty(subscription.operation()));
		}
	}

	static CouncilTotals empty(String operation) {
		return new CouncilTotals(operation, 0L, Instant.EPOCH, 0L, List.of(), 0L);
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

	@Override
	public Optional<CouncilTotals> latestCommitted(String operation, Duration timeout) {
		try {
			this.follower.readToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | CancellationException ex) {
			throw new TotalsUnavailableException("The committed totals (" + Topics.COUNCIL_TOTALS
					+ ") cannot be read to their end now; retry shortly", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TotalsUnavailableException("Interrupted while reading " + Topics.COUNCIL_TOTALS, ex);
		}
		return latest(operation);
	}

	int subscriberCount() {
		return this.subscribers.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * Whether the feed has read {@value Topics#COUNCIL_TOTALS} to the end it had when the
	 * feed started.
	 * @return whether it serves the latest totals
	 */
	boolean isCaughtUp() {
		return this.caughtUp;
	}

	/**
	 * How many operations the feed has totals of.
	 * @return the number of operations
	 */
	int operations() {
		return this.latest.size();
	}

	void publish(CouncilTotals totals) {
		synchronized (this.lock) {
			CouncilTotals current = this.latest.get(totals.getOperation());
			if (current != null && !FeedPosition.of(totals).isAfter(FeedPosition.of(current))) {
				return;
			}
			this.latest.put(totals.getOperation(), totals);
			if (!this.caughtUp) {
				return;
			}
			Set<Subscription> set = this.subscribers.get(totals.getOperation());
			if (set != null) {
				set.forEach((subscription) -> subscription.offer(totals));
			}
		}
	}

	private void markCaughtUp() {
		synchronized (this.lock) {
			if (this.caughtUp) {
				return;
			}
			this.caughtUp = true;
			this.subscribers.values().forEach((set) -> set.forEach(this::offerCurrent));
		}
		logger.info("Live feed caught up with {}: totals of {} operations", Topics.COUNCIL_TOTALS, operations());
	}

	private void catchUp() {
		this.follower.readToEnd().whenComplete((done, failure) -> {
			if (failure == null) {
				markCaughtUp();
			}
			else if (this.running && !(failure instanceof CancellationException)
					&& !(failure instanceof CompletionException
							&& failure.getCause() instanceof CancellationException)) {
				logger.debug("Live feed not caught up yet, asking again: {}", failure.toString());
				catchUp();
			}
		});
	}

	@Override
	public void start() {
		this.running = true;
		this.follower.start();
		catchUp();
	}

	@Override
	public void stop() {
		this.running = false;
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
