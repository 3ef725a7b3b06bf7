package org.jointops.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import org.HdrHistogram.Histogram;

/**
 * One client asking GET requests one after the other (the next when the previous answer
 * has been read to its last byte), over a list of targets in turn: a fixed number of
 * warm-up requests, then a fixed number measured. What each answer holds (e.g. how many
 * reports it lists) is counted after its time is taken.
 */
public final class QueryLoad {

	private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String authorization;

	/**
	 * A client.
	 * @param authorization the {@code Authorization} header's value
	 */
	public QueryLoad(String authorization) {
		this.authorization = authorization;
	}

	/**
	 * Asks the targets in turn, first {@code warmup} requests unmeasured, then
	 * {@code requests} measured, or fewer if the measured ones take longer than
	 * {@code cap} in all.
	 * @param targets the URLs, asked in turn
	 * @param warmup requests before measuring
	 * @param requests requests measured
	 * @param cap longest time of the measured requests
	 * @param items what an answer holds, counted from its body (e.g. reports listed)
	 * @return what was measured
	 */
	public QueryResult measure(List<URI> targets, int warmup, int requests, Duration cap,
			ToLongFunction<byte[]> items) {
		for (int i = 0; i < warmup; i++) {
			ask(targets.get(i % targets.size()));
		}
		Histogram all = Latencies.microsHistogram();
		List<Histogram> perTarget = new ArrayList<>();
		long[] itemsOf = new long[targets.size()];
		long[] bytesOf = new long[targets.size()];
		targets.forEach((target) -> perTarget.add(Latencies.microsHistogram()));
		Map<Integer, Long> failures = new TreeMap<>();
		long bytes = 0;
		long counted = 0;
		long itemsTotal = 0;
		long started = System.nanoTime();
		long deadline = started + cap.toNanos();
		int asked = 0;
		while (asked < requests && System.nanoTime() < deadline) {
			int index = asked % targets.size();
			asked++;
			long sent = System.nanoTime();
			HttpResponse<byte[]> answer = ask(targets.get(index));
			long micros = Math.max(1, (System.nanoTime() - sent) / 1000);
			int status = (answer != null) ? answer.statusCode() : -1;
			if (status != 200) {
				failures.merge(status, 1L, Long::sum);
				continue;
			}
			all.recordValue(micros);
			perTarget.get(index).recordValue(micros);
			long held = items.applyAsLong(answer.body());
			itemsOf[index] = held;
			bytesOf[index] = answer.body().length;
			itemsTotal += held;
			bytes += answer.body().length;
			counted++;
		}
		List<TargetResult> targetResults = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			targetResults
				.add(new TargetResult(targets.get(i), Latencies.ofMicros(perTarget.get(i)), itemsOf[i], bytesOf[i]));
		}
		return new QueryResult(Latencies.ofMicros(all), asked, failures,
				(counted > 0) ? (double) itemsTotal / counted : 0, (counted > 0) ? (double) bytes / counted : 0,
				(System.nanoTime() - started) / 1e9, asked < requests, targetResults);
	}

	private HttpResponse<byte[]> ask(URI target) {
		try {
			return this.client.send(HttpRequest.newBuilder(target)
				.timeout(REQUEST_TIMEOUT)
				.header("Accept", "application/json")
				.header("Authorization", this.authorization)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * What a series of requests measured.
	 *
	 * @param latency latencies of the successful answers
	 * @param asked requests measured (successful or not)
	 * @param failures answers other than 200, by status (-1: no answer)
	 * @param meanItems mean number of items an answer held
	 * @param meanBytes mean size of an answer's body
	 * @param seconds how long the measured requests took
	 * @param capped whether the time cap ended them before the number asked for
	 * @param targets each target's own figures
	 */
	public record QueryResult(Latencies latency, int asked, Map<Integer, Long> failures, double meanItems,
			double meanBytes, double seconds, boolean capped, List<TargetResult> targets) {

		/**
		 * How many requests failed.
		 * @return answers other than 200
		 */
		public long failed() {
			return this.failures.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * One target's figures.
	 *
	 * @param uri the target
	 * @param latency its latencies
	 * @param items items its last answer held
	 * @param bytes size of its last answer's body
	 */
	public record TargetResult(URI uri, Latencies latency, long items, long bytes) {

	}

}
