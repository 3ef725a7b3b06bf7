package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.StringJoiner;
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
	 * Records a failure of a stream thread. Only the types of the exception and its
	 * causes are kept, never their messages: those may carry a report's state, id and
	 * rule violations (and Kafka Streams puts the stack trace of the cause in its own),
	 * and health details leave the service. The log has the whole failure.
	 * @param error what failed
	 */
	public void record(Throwable error) {
		this.count.incrementAndGet();
		this.lastError = describe(error);
		this.last = this.clock.instant();
		synchronized (this.recent) {
			this.recent.addLast(this.last);
			while (this.recent.size() > REPEATED) {
				this.recent.removeFirst();
			}
		}
	}

	/**
	 * What a failure was, without report data: the type of the exception, then of each of
	 * its causes.
	 * @param error what failed
	 * @return e.g. {@code org.apache.kafka.streams.errors.StreamsException caused by
	 * org.apache.kafka.common.errors.SerializationException}
	 */
	static String describe(Throwable error) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		StringJoiner types = new StringJoiner(" caused by ");
		for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
			types.add(cause.getClass().getName());
		}
		return types.toString();
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
