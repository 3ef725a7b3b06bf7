package org.jointops.system.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jointops.testsupport.Credentials;

/**
 * The ministries' systems: they post submissions to their state's producer service and,
 * as the API guide (docs/api-guide.md) tells them, retry the same report id and revision
 * until it is answered {@code 202} — after a {@code 503}, a refused or reset connection
 * or a timeout. Every answer goes into the {@link Ledger}.
 */
public final class Agencies implements AutoCloseable {

	/** A client that has had no answer for this long gives up on the call and retries. */
	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Duration BACKOFF = Duration.ofMillis(300);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, String> reportUrls;

	private final Ledger ledger;

	private final ExecutorService clients;

	private final Duration giveUpAfter;

	private final Duration thinkTime;

	/**
	 * @param reportUrls per state, the producer service's report URL
	 * @param ledger where answers are recorded
	 * @param concurrentClients how many systems post at the same time
	 * @param thinkTime how long a system waits after an accepted submission before its
	 * next one (traffic that lasts while faults are injected)
	 * @param giveUpAfter how long one submission may be retried before the test fails
	 */
	public Agencies(Map<String, String> reportUrls, Ledger ledger, int concurrentClients, Duration thinkTime,
			Duration giveUpAfter) {
		this.reportUrls = Map.copyOf(reportUrls);
		this.ledger = ledger;
		this.clients = Executors.newFixedThreadPool(concurrentClients);
		this.thinkTime = thinkTime;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * Starts posting, each submission retried until accepted.
	 * @param submissions what to post
	 * @return completes when every submission was accepted (or one gave up)
	 */
	public CompletableFuture<Void> post(List<Submission> submissions) {
		return CompletableFuture.allOf(submissions.stream()
			.map((submission) -> CompletableFuture.runAsync(() -> postUntilAccepted(submission), this.clients))
			.toArray(CompletableFuture[]::new));
	}

	/**
	 * Posts and waits until everything was accepted.
	 * @param submissions what to post
	 */
	public void postAll(List<Submission> submissions) {
		post(submissions).join();
	}

	/**
	 * Posts once, without retrying.
	 * @param submission what to post
	 * @return the status code, or -1 when nothing answered
	 */
	public int postOnce(Submission submission) {
		this.ledger.requested(submission);
		try {
			HttpResponse<String> response = this.http.send(request(submission), HttpResponse.BodyHandlers.ofString());
			record(submission, response);
			return response.statusCode();
		}
		catch (IOException ex) {
			this.ledger.unreachable();
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void postUntilAccepted(Submission submission) {
		Instant deadline = Instant.now().plus(this.giveUpAfter);
		while (true) {
			int status = postOnce(submission);
			if (status == 202) {
				pause(this.thinkTime);
				return;
			}
			if (status >= 400 && status < 500) {
				throw new IllegalStateException(submission + " was refused with " + status);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(submission + " was still not accepted after " + this.giveUpAfter);
			}
			pause(BACKOFF);
		}
	}

	private void record(Submission submission, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 202) {
			this.ledger.accepted(submission);
		}
		else if (status >= 500) {
			this.ledger.unavailable();
		}
		else {
			this.ledger.rejected(submission, status, response.body());
		}
	}

	private HttpRequest request(Submission submission) {
		String url = this.reportUrls.get(submission.state());
		if (url == null) {
			throw new IllegalArgumentException("No producer for " + submission.state());
		}
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(PATIENCE)
			.header("Content-Type", "application/json")
			.header("Authorization", Credentials.bearer("INTERIOR"))
			.POST(HttpRequest.BodyPublishers.ofString(submission.toJson()))
			.build();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis()); // a client's own pace, not a wait for a
												// condition
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("interrupted", ex));
		}
	}

	@Override
	public void close() {
		this.clients.shutdownNow();
		try {
			this.clients.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
