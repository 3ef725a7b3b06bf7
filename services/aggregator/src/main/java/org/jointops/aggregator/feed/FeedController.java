package org.jointops.aggregator.feed;

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
import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.openapi.Refusals;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.support.register.CurrentRegister;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed: an operation's totals as server-sent events, one event per change.
 */
@RestController
@RequestMapping("/api/v1/operations")
class FeedController implements DisposableBean {

	private final TotalsFeed feed;

	private final OperationQueries queries;

	private final FeedProperties properties;

	private final CurrentRegister register;

	private final Semaphore clients;

	private final ExecutorService senders;

	FeedController(TotalsFeed feed, OperationQueries queries, FeedProperties properties, CurrentRegister register) {
		this.feed = feed;
		this.queries = queries;
		this.properties = properties;
		this.register = register;
		this.clients = new Semaphore(properties.maxClients());
		AtomicInteger number = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "totals-feed-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.senders = Executors.newCachedThreadPool(threads);
	}

	@GetMapping(path = "/{operation}/totals/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(operationId = "streamTotals", tags = "totals",
			summary = "The operation's totals, live, as server-sent events", description = """
					Events named `totals`, their data the JSON of `GET /api/v1/operations/{operation}/totals` \
					without filters, their `id` `<epoch>-<version>`: the epoch is the build of the aggregator's \
					state (a reset rebuilds the totals with a later epoch and versions from 1 again), and ids \
					only grow in the order (epoch, version). First the current totals (version 0, empty, for an \
					operation of the catalogue without reports), unless `Last-Event-ID` says the client has them \
					already; then one event per change, read committed from `council.totals`. A new instance \
					sends nothing before it has read `council.totals` to its end, so the first event is the \
					latest totals. A comment (`:heartbeat`) keeps an idle connection alive. A client that \
					falls `jointops.feed.client-buffer` events behind is dropped, and a connection lasts at most \
					`jointops.feed.timeout`: the client reconnects with `Last-Event-ID`.""")
	@ApiResponse(responseCode = "200", description = "The event stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(type = "string", description = "Server-sent events named `totals`"),
					examples = @ExampleObject(name = "first event", value = """
							id:1764633600000-14
							event:totals
							data:{"operation":"ILLEGAL-2017","name":"Illegal 2017","version":14,"reports":11,...}

							:heartbeat
							""")))
	@ApiResponse(responseCode = "404", description = Refusals.UNKNOWN_OPERATION)
	@ApiResponse(responseCode = "503",
			description = "More than `jointops.feed.max-clients` clients at once, the feed is stopping, or it is "
					+ "still reading `council.totals` and the operation is not in the catalogue")
	SseEmitter stream(@PathVariable String operation,
			@Parameter(description = "The `id` of the last event the client got; only newer totals are sent (a "
					+ "bare number is a version of epoch 0)") @RequestHeader(name = "Last-Event-ID",
							required = false) String lastEventId) {
		FeedPosition after = FeedPosition.parse(lastEventId);
		String name = this.queries.nameOf(operation);
		if (name == null && this.feed.latest(operation).isEmpty() && !this.feed.isCaughtUp()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The live feed is reading council.totals; retry later");
		}
		if (name == null && this.feed.latest(operation).isEmpty()) {
			throw new UnknownOperationException(operation);
		}
		if (!this.clients.tryAcquire()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The live feed serves " + this.properties.maxClients() + " clients at most; retry later");
		}
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		Subscription subscription = new Subscription(operation, after, emitter, this.properties.clientBuffer(),
				this.properties.heartbeat(), (totals) -> OperationTotalsView.of(totals, this.register.of(operation),
						this.queries.catalogue(), null, null),
				this.clients::release);
		emitter.onCompletion(subscription::close);
		emitter.onTimeout(subscription::close);
		emitter.onError((ex) -> subscription.close());
		this.feed.subscribe(subscription);
		try {
			this.senders.execute(() -> {
				try {
					subscription.run();
				}
				finally {
					this.feed.unsubscribe(subscription);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.feed.unsubscribe(subscription);
			subscription.close();
			this.clients.release();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The live feed is stopping");
		}
		return emitter;
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

}
