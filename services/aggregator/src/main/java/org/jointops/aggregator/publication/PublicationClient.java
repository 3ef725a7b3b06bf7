package org.jointops.aggregator.publication;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client of the feed of publications: a bounded queue the feed fills without waiting,
 * drained by a sender thread of its own; positions sent only grow. A client that falls a
 * whole buffer behind is dropped (it reconnects with {@code Last-Event-ID}).
 */
final class PublicationClient implements Runnable {

	/** Name of the events. */
	static final String EVENT = "publication";

	private static final PublicationFeed.Published CLOSE = new PublicationFeed.Published(-1, null, null);

	private final SseEmitter emitter;

	private final BlockingQueue<PublicationFeed.Published> queue;

	private final Duration heartbeat;

	private final Function<PublicationFeed.Published, Object> view;

	private final Runnable onEnd;

	private volatile boolean closed;

	private long lastSent;

	PublicationClient(long after, SseEmitter emitter, int buffer, Duration heartbeat,
			Function<PublicationFeed.Published, Object> view, Runnable onEnd) {
		this.lastSent = after;
		this.emitter = emitter;
		this.queue = new ArrayBlockingQueue<>(buffer + 1);
		this.heartbeat = heartbeat;
		this.view = view;
		this.onEnd = onEnd;
	}

	void offer(PublicationFeed.Published published) {
		if (this.closed) {
			return;
		}
		if (this.queue.remainingCapacity() <= 1 || !this.queue.offer(published)) {
			close();
		}
	}

	void close() {
		if (!this.closed) {
			this.closed = true;
			this.queue.clear();
			this.queue.offer(CLOSE);
		}
	}

	@Override
	public void run() {
		Exception failure = null;
		try {
			while (!this.closed) {
				PublicationFeed.Published next = this.queue.poll(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
				if (next == CLOSE || this.closed) {
					break;
				}
				if (next == null) {
					this.emitter.send(SseEmitter.event().comment("heartbeat"));
				}
				else if (next.position() > this.lastSent) {
					this.emitter.send(SseEmitter.event()
						.id(String.valueOf(next.position()))
						.name(EVENT)
						.data(this.view.apply(next), MediaType.APPLICATION_JSON));
					this.lastSent = next.position();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client has gone, or the event could not be written
			failure = ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.closed = true;
			this.queue.clear();
			end(failure);
			this.onEnd.run();
		}
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

}
