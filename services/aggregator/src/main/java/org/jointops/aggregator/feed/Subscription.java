package org.jointops.aggregator.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jointops.totals.CouncilTotals;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client of the live feed: a bounded queue filled by the feed (never waiting) and
 * drained by a sender thread of its own, which writes to the client and may block on a
 * slow one without holding anybody else up. Versions sent only grow.
 */
final class Subscription implements Runnable {

	/** Name of the events carrying totals. */
	static final String EVENT = "totals";

	private static final CouncilTotals CLOSE = new CouncilTotals();

	private final String operation;

	private final SseEmitter emitter;

	private final BlockingQueue<CouncilTotals> queue;

	private final Duration heartbeat;

	private final Function<CouncilTotals, Object> view;

	private final Runnable onEnd;

	private volatile boolean closed;

	private final boolean fromNothing;

	private FeedPosition lastSent;

	/**
	 * A subscription.
	 * @param operation the operation followed
	 * @param after the position the client already has (from {@code Last-Event-ID}),
	 * {@link FeedPosition#NONE} for none
	 * @param emitter the client's event stream
	 * @param buffer how many events may wait for the client
	 * @param heartbeat how often an idle client gets a comment
	 * @param view what is sent of the totals
	 * @param onEnd called once when the subscription ends
	 */
	Subscription(String operation, FeedPosition after, SseEmitter emitter, int buffer, Duration heartbeat,
			Function<CouncilTotals, Object> view, Runnable onEnd) {
		this.operation = operation;
		this.lastSent = after;
		this.fromNothing = after.equals(FeedPosition.NONE);
		this.emitter = emitter;
		this.queue = new ArrayBlockingQueue<>(buffer + 1);
		this.heartbeat = heartbeat;
		this.view = view;
		this.onEnd = onEnd;
	}

	String operation() {
		return this.operation;
	}

	/**
	 * Whether the client came without {@code Last-Event-ID}, and so is owed the current
	 * totals even when they are the empty version 0.
	 * @return whether the client has nothing yet
	 */
	boolean startsFromNothing() {
		return this.fromNothing;
	}

	/**
	 * Hands the client newer totals, without waiting. A client that has fallen a whole
	 * buffer behind is dropped.
	 * @param totals the totals
	 */
	void offer(CouncilTotals totals) {
		if (this.closed) {
			return;
		}
		if (this.queue.remainingCapacity() <= 1 || !this.queue.offer(totals)) {
			close();
		}
	}

	/** Ends the subscription; the sender completes the stream and cleans up. */
	void close() {
		if (!this.closed) {
			this.closed = true;
			this.queue.clear();
			this.queue.offer(CLOSE);
		}
	}

	boolean isClosed() {
		return this.closed;
	}

	private void end(Exception failure) {
		try {
			if (failure != null) {
				this.emitter.completeWithError(failure);
			}
			else {
				this.emitter.complete();
			}
		}
		catch (RuntimeException ex) {
			// already completed by the container (time-out, client gone)
		}
	}

	@Override
	public void run() {
		try {
			while (!this.closed) {
				CouncilTotals next = this.queue.poll(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
				if (next == CLOSE || this.closed) {
					break;
				}
				if (next == null) {
					this.emitter.send(SseEmitter.event().comment("heartbeat"));
				}
				else if (FeedPosition.of(next).isAfter(this.lastSent)) {
					FeedPosition position = FeedPosition.of(next);
					this.emitter.send(SseEmitter.event()
						.id(position.eventId())
						.name(EVENT)
						.data(this.view.apply(next), MediaType.APPLICATION_JSON));
					this.lastSent = position;
				}
			}
			end(null);
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone (or the stream was completed under us): nothing to send
			// to
			end(ex);
		}
		catch (RuntimeException ex) {
			// an event that cannot be written: end the stream rather than leave it silent
			end(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			end(null);
		}
		finally {
			this.closed = true;
			this.queue.clear();
			this.onEnd.run();
		}
	}

}
