package org.jointops.bench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.HdrHistogram.Histogram;
import org.jointops.bench.data.BenchCatalogue;
import org.jointops.bench.data.ReportBodies;
import org.jointops.bench.load.Answer;
import org.jointops.bench.load.HttpLoad;
import org.jointops.bench.load.HttpTarget;
import org.jointops.bench.load.Latencies;
import org.jointops.bench.load.LoadResult;
import org.jointops.bench.report.Results;
import org.jointops.bench.report.Status;
import org.jointops.bench.report.Target;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * Freshness: while a background load posts reports to a producer at a steady rate (half
 * the single-report rate measured at the most clients), probes are posted one at a time
 * to the same producer, each a new report on an operation of their own; a probe's
 * freshness is the time from its {@code 202} to the first event of that operation's live
 * feed whose totals count it. One probe at a time, so that the count tells which probe an
 * event shows.
 */
final class FreshnessRun {

	/** The row of freshness. */
	static final String FRESHNESS = "freshness";

	private static final Duration PROBE_PATIENCE = Duration.ofSeconds(30);

	private FreshnessRun() {
	}

	static void plan(Results results, long commitIntervalMs) {
		results.plan(FRESHNESS, "Freshness: 202 to the live feed", "202 → change on the live feed, p99", "ms", null);
		results.target(new Target("Freshness p99 ≤ commit interval + 100 ms (" + (commitIntervalMs + 100) + " ms)",
				FRESHNESS, null, Target.Kind.AT_MOST, commitIntervalMs + 100));
	}

	// waits until the producer takes reports: it answers 503 until it knows who sent
	// which report first
	private static void awaitAccepting(HttpClient client, ServiceProcess producer, ReportBodies probes) {
		long deadline = System.nanoTime() + Deployment.START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				int status = client
					.send(HttpRequest.newBuilder(URI.create(producer.url("/api/v1/reports?dryRun=true")))
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json")
						.header("Authorization", Credentials.bearer(ReportBodies.AGENCY))
						.POST(HttpRequest.BodyPublishers.ofByteArray(probes.probe(BenchCatalogue.probe(0))))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
				if (status == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Procs.pause(250);
		}
		throw new IllegalStateException(producer + " did not accept reports within " + Deployment.START_TIMEOUT);
	}

	static void run(Deployment deployment, BenchOptions options, Results results, ServiceProcess aggregator) {
		double rate = options.freshnessRate();
		String rateSource = "--freshness-rate";
		if (rate <= 0) {
			rate = results.value(IngestRun.single(options.mostClients())) / 2;
			rateSource = "half of single-report ingest at " + options.mostClients() + " clients";
		}
		if (Double.isNaN(rate) || rate <= 0) {
			rate = 100;
			rateSource = "single-report ingest not measured in this run; a fixed rate";
		}
		ServiceProcess producer = deployment.startedProducer(IngestRun.STATE);
		String run = Long.toString(System.currentTimeMillis(), 36);
		HttpTarget target = new HttpTarget("127.0.0.1", producer.port(), Credentials.bearer(ReportBodies.AGENCY));
		ReportBodies background = new ReportBodies("F" + run + "-load-");
		ReportBodies probes = new ReportBodies("F" + run + "-probe-");
		Say.line("Freshness: %d probe streams, one probe at a time each, under %,.0f requests/s (%s) for %d s",
				BenchCatalogue.PROBES, rate, rateSource, options.freshness().toSeconds());
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		awaitAccepting(client, producer, probes);
		ExecutorService streams = Executors.newFixedThreadPool(BenchCatalogue.PROBES);
		try {
			double backgroundRate = rate;
			CompletableFuture<LoadResult> load = CompletableFuture
				.supplyAsync(() -> HttpLoad
					.of(target, () -> target.post("/api/v1/reports", "application/json", background.json()),
							Answer.status(202), null)
					.paced(options.mostClients(), backgroundRate, options.freshness()));
			long end = System.nanoTime() + options.freshness().toNanos();
			List<Future<Probes>> futures = new ArrayList<>();
			for (int i = 0; i < BenchCatalogue.PROBES; i++) {
				String operation = BenchCatalogue.probe(i);
				futures.add(streams.submit(() -> probe(client, producer, aggregator, operation, probes, end)));
			}
			Histogram latencies = Latencies.microsHistogram();
			long lost = 0;
			for (Future<Probes> future : futures) {
				Probes stream = future.get(options.freshness().toSeconds() + 120, TimeUnit.SECONDS);
				latencies.add(stream.latencies());
				lost += stream.lost();
			}
			LoadResult backgroundResult = load.get(options.freshness().toSeconds() + 120, TimeUnit.SECONDS);
			Latencies measured = Latencies.ofMicros(latencies);
			String notes = String.format(Locale.ROOT,
					"%,d probes in %d streams; background %,.0f requests/s asked (%s), %,.0f answered 202 per "
							+ "second (%d failed), background p99 %.0f ms",
					measured.count(), BenchCatalogue.PROBES, rate, rateSource, backgroundResult.unitsPerSecond(),
					backgroundResult.failures(), backgroundResult.latency().p99());
			if (measured.count() == 0 || lost > 0) {
				results.mark(FRESHNESS, Status.DID_NOT_FINISH, measured.p99(), notes + "; " + lost
						+ " probe(s) not on the feed within " + PROBE_PATIENCE.toSeconds() + " s (not in the figure)");
			}
			else {
				results.measured(FRESHNESS, measured.p99(), measured, notes);
			}
			Say.line("  freshness p50 %.0f ms, p99 %.0f ms over %d probes; background %,.0f/s", measured.p50(),
					measured.p99(), measured.count(), backgroundResult.unitsPerSecond());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Freshness failed: " + ex, ex);
		}
		finally {
			streams.shutdownNow();
			deployment.release(producer);
		}
	}

	// one stream of probes on one operation: each posted when the one before is on the
	// feed, until the end
	private static Probes probe(HttpClient client, ServiceProcess producer, ServiceProcess aggregator, String operation,
			ReportBodies probes, long end) throws IOException, InterruptedException {
		Histogram latencies = Latencies.microsHistogram();
		try (FeedWatcher feed = FeedWatcher.open(aggregator.url(""), operation)) {
			long accepted = 0;
			while (System.nanoTime() < end) {
				HttpResponse<Void> answer = client
					.send(HttpRequest.newBuilder(URI.create(producer.url("/api/v1/reports")))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.header("Authorization", Credentials.bearer(ReportBodies.AGENCY))
						.POST(HttpRequest.BodyPublishers.ofByteArray(probes.probe(operation)))
						.build(), HttpResponse.BodyHandlers.discarding());
				long acceptedAt = System.nanoTime();
				if (answer.statusCode() != 202) {
					Procs.pause(100);
					continue;
				}
				accepted++;
				long seen = feed.awaitReports(accepted, PROBE_PATIENCE);
				if (seen < 0) {
					return new Probes(latencies, 1);
				}
				latencies.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(seen - acceptedAt)));
			}
		}
		return new Probes(latencies, 0);
	}

	/**
	 * What one stream of probes measured.
	 *
	 * @param latencies latency of each probe seen on the feed, in microseconds
	 * @param lost probes not seen within the patience
	 */
	private record Probes(Histogram latencies, long lost) {

	}

}
