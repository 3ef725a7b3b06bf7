package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Remembers stream-thread failures. A failed thread is replaced and resumes from its last
 * commit, so Kafka Streams looks RUNNING between failures; health is DOWN while failures
 * keep coming.
 */
@Component
public class StreamFailures {

	/** How long after a failure health stays DOWN. */
	static final Duration RECENT = Duration.ofMinutes(1);

	private final Clock clock;

	private final AtomicLong count = new AtomicLong();

	private volatile Instant last;

	private volatile String lastError;

	StreamFailures(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records a failure of a stream thread.
	 * @param error what failed
	 */
	public void record(Throwable error) {
		this.count.incrementAndGet();
		this.lastError = error.getClass().getName() + ": " + error.getMessage();
		this.last = this.clock.instant();
	}

	boolean isRecent() {
		Instant failure = this.last;
		return failure != null && failure.isAfter(this.clock.instant().minus(RECENT));
	}

	long count() {
		return this.count.get();
	}

	Instant last() {
		return this.last;
	}

	String lastError() {
		return this.lastError;
	}

}
