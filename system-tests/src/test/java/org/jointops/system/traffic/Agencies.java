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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ministries' systems: they post submissions to their state's producer service and,
 * as the API guide (docs/api-guide.md) tells them, retry the same report id and revision
 * until it is answered {@code 202} — after a {@code 503}, a refused or reset connection
 * or a timeout. A {@code 409} of type {@value #REPORT_WITHDRAWN} (the revision is not
 * higher than the report's withdrawal, so it would never count) is a final answer too:
 * not retried, not a failure. Every answer goes into the {@link Ledger}.
 */
public final class Agencies implements AutoCloseable {

	/** A client that has had no answer for this long gives up on the call and retries. */
	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Duration BACKOFF = Duration.ofMillis(300);

	/**
	 * The problem type of a revision not higher than its report's withdrawal: final, it
	 * would never count.
	 */
	static final String REPORT_WITHDRAWN = "urn:jointops:problem:report-withdrawn";

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		HttpResponse<String> response = send(submission);
		return (response != null) ? response.statusCode() : -1;
	}

	/**
	 * Posts once, without retrying, and records the answer.
	 * @param submission what to post
	 * @return the answer, or null when nothing answered
	 */
	private HttpResponse<String> send(Submission submission) {
		this.ledger.requested(submission);
		try {
			HttpResponse<String> response = this.http.send(request(submission), HttpResponse.BodyHandlers.ofString());
			record(submission, response);
			return response;
		}
		catch (IOException ex) {
			this.ledger.unreachable();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void postUntilAccepted(Submission submission) {
		Instant deadline = Instant.now().plus(this.giveUpAfter);
		while (true) {
			HttpResponse<String> response = send(submission);
			int status = (response != null) ? response.statusCode() : -1;
			if (status == 202 || isWithdrawnAnswer(response)) {
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
		else if (isWithdrawnAnswer(response)) {
			this.ledger.notCounting(submission);
		}
		else {
			this.ledger.rejected(submission, status, response.body());
		}
	}

	/**
	 * Whether an answer says the revision is not higher than its report's withdrawal.
	 * @param response an answer, or null
	 * @return whether it is a 409 of type {@value #REPORT_WITHDRAWN}
	 */
	private static boolean isWithdrawnAnswer(HttpResponse<String> response) {
		if (response == null || response.statusCode() != 409) {
			return false;
		}
		try {
			return REPORT_WITHDRAWN.equals(JSON.readTree(response.body()).path("type").asString());
		}
		catch (JacksonException ex) {
			return false;
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
