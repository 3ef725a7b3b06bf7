package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Remembers stream-thread failures. A failed thread is replaced and resumes from its last
 * commit, so Kafka Streams looks RUNNING between failures. One failure that the
 * replacement thread recovers from (the broker was away for a while) is history; several
 * within a minute are a crash loop, and health is DOWN while it lasts.
 */
@Component
public class StreamFailures {

	/** The window in which failures count as repeating. */
	static final Duration RECENT = Duration.ofMinutes(1);

	/** How many failures within {@link #RECENT} make a crash loop. */
	static final int REPEATED = 3;

	private final Deque<Instant> recent = new ArrayDeque<>();

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
		synchronized (this.recent) {
			this.recent.addLast(this.last);
			while (this.recent.size() > REPEATED) {
				this.recent.removeFirst();
			}
		}
	}

	/**
	 * Whether threads keep failing: {@value #REPEATED} failures within {@link #RECENT}.
	 * @return true in a crash loop
	 */
	boolean isRepeating() {
		Instant since = this.clock.instant().minus(RECENT);
		synchronized (this.recent) {
			return this.recent.stream().filter((failure) -> failure.isAfter(since)).count() >= REPEATED;
		}
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
