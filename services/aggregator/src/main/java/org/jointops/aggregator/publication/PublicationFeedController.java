package org.jointops.aggregator.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.register.FigureStatus;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed of publications as server-sent events: one event per publication of any
 * operation, for observers (and every reader) to follow what the secretariat publishes.
 */
@RestController
@Tag(name = PublicationsController.TAG)
class PublicationFeedController implements DisposableBean {

	private static final int BUFFER = 64;

	private final PublicationFeed feed;

	private final CurrentCatalogue catalogue;

	private final Duration heartbeat;

	private final Duration timeout;

	private final int maxClients;

	private final Semaphore clients;

	private final ExecutorService senders;

	PublicationFeedController(PublicationFeed feed, CurrentCatalogue catalogue,
			@Value("${jointops.feed.heartbeat:15s}") Duration heartbeat,
			@Value("${jointops.feed.timeout:30m}") Duration timeout,
			@Value("${jointops.feed.max-clients:100}") int maxClients) {
		this.feed = feed;
		this.catalogue = catalogue;
		this.heartbeat = heartbeat;
		this.timeout = timeout;
		this.maxClients = maxClients;
		this.clients = new Semaphore(maxClients);
		AtomicInteger number = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "publication-feed-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.senders = Executors.newCachedThreadPool(threads);
	}

	@GetMapping(path = "/api/v1/publications/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(operationId = "streamPublications", summary = "Every publication as it is made, as server-sent events",
			description = """
					Events named `publication`, one per publication of any operation, in the order the register \
					recorded them; their data say which (operation, number, date, status, totals version) and \
					where to read it; their `id` is the publication's place in that order (the offset of the \
					register record that listed it), which only grows. First every publication after \
					`Last-Event-ID` (all of them without it), then each new one. A comment (`:heartbeat`) keeps \
					an idle connection alive; a connection lasts at most `jointops.feed.timeout`, and the client \
					reconnects with `Last-Event-ID`. Every role: the feed an observer follows.""")
	@ApiResponse(responseCode = "200", description = "The event stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(type = "string", description = "Server-sent events named `publication`"),
					examples = @ExampleObject(name = "an event",
							value = """
									id:42
									event:publication
									data:{"operation":"ILLEGAL-2017","name":"Illegal 2017","number":2,"status":"PRELIMINARY",...}
									""")))
	@ApiResponse(responseCode = "503",
			description = "More than `jointops.feed.max-clients` clients at once, or the feed is stopping")
	SseEmitter stream(@Parameter(description = "The `id` of the last event the client got; only later publications "
			+ "are sent") @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		long after = position(lastEventId);
		if (!this.clients.tryAcquire()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The feed of publications serves " + this.maxClients + " clients at most; retry later");
		}
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		PublicationClient client = new PublicationClient(after, emitter, BUFFER, this.heartbeat, this::event,
				this.clients::release);
		emitter.onCompletion(client::close);
		emitter.onTimeout(client::close);
		emitter.onError((ex) -> client.close());
		this.feed.subscribe(client);
		try {
			this.senders.execute(() -> {
				try {
					client.run();
				}
				finally {
					this.feed.unsubscribe(client);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.feed.unsubscribe(client);
			client.close();
			this.clients.release();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The feed of publications is stopping");
		}
		return emitter;
	}

	private PublicationEvent event(PublicationFeed.Published published) {
		String operation = published.operation();
		String name = this.catalogue.current()
			.operation(operation)
			.map(org.jointops.catalogue.Operation::name)
			.orElse(null);
		String base = "/api/v1/operations/" + operation + "/publications/" + published.entry().number();
		return new PublicationEvent(operation, name, published.entry().number(), published.entry().publishedAt(),
				published.entry().status(), published.entry().totalsVersion(), base, base + "/summary");
	}

	static long position(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return -1;
		}
		try {
			return Math.max(-1, Long.parseLong(lastEventId.trim()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

	/**
	 * The data of an event: which publication, and where to read it.
	 *
	 * @param operation operation code
	 * @param name its name in the catalogue, or null
	 * @param number the publication's number
	 * @param publishedAt when
	 * @param status FINAL or PRELIMINARY
	 * @param totalsVersion the version of the totals published
	 * @param totals where its totals are
	 * @param summary where its summary is
	 */
	record PublicationEvent(String operation, String name, int number, Instant publishedAt, FigureStatus status,
			long totalsVersion, String totals, String summary) {

	}

}
