package org.jointops.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jointops.testsupport.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows an operation's live feed ({@code GET /api/v1/operations/{op}/totals/stream},
 * server-sent events) as the secretariat's dashboard does, and notes when each event
 * arrived and how many reports its totals count.
 */
final class FeedWatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<long[]> events = new ArrayList<>();

	private final Thread reader;

	private volatile InputStream stream;

	private volatile boolean closed;

	private FeedWatcher(String url) {
		this.reader = new Thread(() -> read(url), "feed-watcher");
		this.reader.setDaemon(true);
	}

	/**
	 * Subscribes to an operation's feed.
	 * @param aggregatorUrl the aggregator's base URL
	 * @param operation the operation
	 * @return the watcher, once the first event (the current totals) has arrived
	 */
	static FeedWatcher open(String aggregatorUrl, String operation) {
		FeedWatcher watcher = new FeedWatcher(aggregatorUrl + "/api/v1/operations/" + operation + "/totals/stream");
		watcher.reader.start();
		if (watcher.awaitReports(0, Duration.ofSeconds(60)) < 0) {
			watcher.close();
			throw new IllegalStateException("The live feed of " + operation + " sent nothing within 60 s");
		}
		return watcher;
	}

	/**
	 * Waits for the first event whose totals count at least so many reports.
	 * @param reports the count
	 * @param timeout longest wait
	 * @return when it arrived ({@link System#nanoTime()}), or -1 if none did in time
	 */
	synchronized long awaitReports(long reports, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int checked = 0;
		while (true) {
			for (; checked < this.events.size(); checked++) {
				if (this.events.get(checked)[1] >= reports) {
					return this.events.get(checked)[0];
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0 || this.closed) {
				return -1;
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}
	}

	private void read(String url) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + Credentials.readerToken(Credentials.SECRETARIAT))
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			this.stream = response.body();
			if (response.statusCode() != 200) {
				return;
			}
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				StringBuilder data = new StringBuilder();
				String line;
				while (!this.closed && (line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && data.length() > 0) {
						arrived(System.nanoTime(), data.toString());
						data.setLength(0);
					}
				}
			}
		}
		catch (IOException ex) {
			// closed, or the aggregator went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			synchronized (this) {
				this.closed = true;
				notifyAll();
			}
		}
	}

	private void arrived(long at, String data) {
		JsonNode totals = JSON.readTree(data);
		synchronized (this) {
			this.events.add(new long[] { at, totals.get("reports").asLong() });
			notifyAll();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		InputStream body = this.stream;
		if (body != null) {
			try {
				body.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.reader.interrupt();
	}

}
