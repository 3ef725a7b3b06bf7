package org.jointops.bench.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointops.bench.data.ReportBodies;
import org.jointops.bench.data.Shape;
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
 * HTTP ingest on one producer (KAZ): the no-op endpoint ({@code dryRun=true}: parse,
 * validate, owner check, nothing sent), single reports, and batches in JSON and CSV, each
 * a closed loop of the load generator after a warm-up; and the producer's start-up and
 * resident memory.
 */
public final class IngestRun {

	/** The state whose producer is measured. */
	static final String STATE = "KAZ";

	/** The row of the best batch ingest. */
	public static final String BEST_BATCH = "ingest.batch.best";

	/** The row of the producer's resident memory. */
	public static final String PRODUCER_RSS = "footprint.producer.rss";

	/** The row of the producer's start-up time. */
	public static final String PRODUCER_START = "footprint.producer.start";

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

	private IngestRun() {
	}

	/**
	 * The row of the no-op endpoint.
	 * @param clients concurrent clients
	 * @return its id
	 */
	public static String noop(int clients) {
		return "http.noop.c" + clients;
	}

	/**
	 * The row of single-report ingest.
	 * @param clients concurrent clients
	 * @return its id
	 */
	public static String single(int clients) {
		return "ingest.single.c" + clients;
	}

	/**
	 * The row of a batch ingest.
	 * @param format {@code json} or {@code csv}
	 * @param size reports per batch
	 * @return its id
	 */
	public static String batch(String format, int size) {
		return "ingest.batch." + format + "." + size;
	}

	/**
	 * Plans the rows and the targets.
	 * @param results the results
	 * @param options the options
	 */
	public static void plan(Results results, BenchOptions options) {
		for (int clients : options.clients()) {
			results.plan(noop(clients), "HTTP baseline: the producer's no-op endpoint",
					"POST /api/v1/reports?dryRun=true, " + clients + " client" + ((clients == 1) ? "" : "s"),
					"requests/s", null);
		}
		for (int clients : options.clients()) {
			results.plan(single(clients), "Single-report ingest (one producer)",
					"POST /api/v1/reports, " + clients + " client" + ((clients == 1) ? "" : "s"), "requests/s",
					noop(clients));
		}
		for (String format : List.of("json", "csv")) {
			for (int size : options.batchSizes()) {
				results.plan(batch(format, size), "Batch ingest (one producer)",
						String.format(Locale.ROOT, "POST /api/v1/reports:batch, %s, %,d reports per batch, %d clients",
								format.toUpperCase(Locale.ROOT), size, options.batchClients()),
						"reports/s", KafkaRun.PRODUCER_PERFORMANCE);
			}
		}
		results.plan(BEST_BATCH, "Batch ingest (one producer)", "Batch ingest, the best of the above", "reports/s",
				KafkaRun.PRODUCER_PERFORMANCE);
		for (String format : List.of("json", "csv")) {
			for (int size : options.batchSizes()) {
				results.target(new Target("Batch ingest ≥ 40% of ProducerPerformance records/s", batch(format, size),
						KafkaRun.PRODUCER_PERFORMANCE, Target.Kind.AT_LEAST, 0.40));
			}
		}
		int most = options.mostClients();
		results.target(new Target("Single-report ingest at " + most + " clients ≥ 60% of the no-op endpoint's",
				single(most), noop(most), Target.Kind.AT_LEAST, 0.60));
	}

	/**
	 * Plans the rows of the producer's footprint.
	 * @param results the results
	 */
	public static void planFootprint(Results results) {
		results.plan(PRODUCER_START, "Footprint", "One producer's start-up, until it reports UP", "s", null);
		results.plan(PRODUCER_RSS, "Footprint", "One producer's resident memory after the ingest runs", "MiB", null);
	}

	/**
	 * Runs the measurements.
	 * @param deployment the deployment
	 * @param options the options
	 * @param results where the figures go
	 */
	public static void run(Deployment deployment, BenchOptions options, Results results) {
		deployment.topics().emptyFindingsTopics(Shape.STATES);
		long started = System.nanoTime();
		ServiceProcess producer = deployment.startedProducer(STATE);
		results.measured(PRODUCER_START, (System.nanoTime() - started) / 1e9, Latencies.NONE,
				"From the JVM's start to /actuator/health UP, with JVM options "
						+ String.join(" ", options.serviceJvm()) + ", on an empty findings topic");
		try {
			HttpTarget target = new HttpTarget("127.0.0.1", producer.port(), Credentials.bearer(ReportBodies.AGENCY));
			long pid = producer.jvm().pid();
			String run = Long.toString(System.currentTimeMillis(), 36);
			warmUp(target, run, options);
			for (int clients : options.clients()) {
				ReportBodies bodies = new ReportBodies("H" + run + "-noop-" + clients + "-");
				measure(results, noop(clients), options, clients,
						load(target, pid,
								() -> target.post("/api/v1/reports?dryRun=true", "application/json", bodies.json()),
								Answer.status(200)),
						"requests");
			}
			for (int clients : options.clients()) {
				ReportBodies bodies = new ReportBodies("H" + run + "-single-" + clients + "-");
				measure(results, single(clients), options, clients, load(target, pid,
						() -> target.post("/api/v1/reports", "application/json", bodies.json()), Answer.status(202)),
						"requests");
			}
			double best = Double.NaN;
			String bestId = null;
			for (String format : List.of("json", "csv")) {
				for (int size : options.batchSizes()) {
					ReportBodies bodies = new ReportBodies("H" + run + "-" + format + "-" + size + "-");
					Supplier<byte[]> requests = format.equals("json")
							? () -> target.post("/api/v1/reports:batch", "application/json", bodies.jsonBatch(size))
							: () -> target.post("/api/v1/reports:batch", "text/csv", bodies.csvBatch(size));
					LoadResult result = measure(results, batch(format, size), options, options.batchClients(),
							load(target, pid, requests, accepted(size)), "reports");
					if (Double.isNaN(best) || result.unitsPerSecond() > best) {
						best = result.unitsPerSecond();
						bestId = batch(format, size);
					}
				}
			}
			results.measured(BEST_BATCH, best, Latencies.NONE, "The best batch row: " + bestId);
			results.measured(PRODUCER_RSS, Procs.residentMib(pid), Latencies.NONE, "VmRSS of the producer's JVM ("
					+ String.join(" ", options.serviceJvm()) + ") after every ingest measurement");
		}
		finally {
			deployment.release(producer);
		}
	}

	// warms the producer up once, before the first measurement, so that the first rows do
	// not pay for compiling what every row uses: dry runs and single reports in turn,
	// from
	// as many clients as the most of the measurements, for twice the warm-up
	private static void warmUp(HttpTarget target, String run, BenchOptions options) {
		ReportBodies bodies = new ReportBodies("H" + run + "-warm-up-");
		long[] sent = { 0 };
		Say.line("  warming the producer up for %d s", options.warmup().multipliedBy(2).toSeconds());
		HttpLoad.of(target, () -> {
			String path = (sent[0]++ % 2 == 0) ? "/api/v1/reports?dryRun=true" : "/api/v1/reports";
			return target.post(path, "application/json", bodies.json());
		}, (status, body) -> (status == 200 || status == 202) ? 1 : -1, null)
			.closedLoop(options.mostClients(), Duration.ZERO, options.warmup().multipliedBy(2));
	}

	private static HttpLoad load(HttpTarget target, long pid, Supplier<byte[]> requests, Answer answer) {
		return HttpLoad.of(target, requests, answer, () -> Procs.cpuNanos(pid));
	}

	private static LoadResult measure(Results results, String id, BenchOptions options, int clients, HttpLoad load,
			String unit) {
		LoadResult result = load.closedLoop(clients, options.warmup(), options.measure());
		double value = unit.equals("reports") ? result.unitsPerSecond() : result.requestsPerSecond();
		String notes = String.format(Locale.ROOT,
				"%,d answers in %.0f s, %d failed %s; the load generator's JVM %.0f%% of a core (%.0f µs/request), "
						+ "producer %.0f%% of a core",
				result.requests(), result.seconds(), result.failures(),
				result.statuses().keySet().stream().filter((status) -> status < 200 || status >= 300).toList(),
				100 * result.clientCpuShare(), result.clientMicrosPerRequest(), 100 * result.serverCpuShare());
		if (result.units() == 0) {
			results.mark(id, Status.FAILED, Double.NaN, "no successful answer: " + result.statuses());
		}
		else {
			results.measured(id, value, result.latency(), notes);
		}
		Say.line("  %s: %,.0f %s/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d failed; client CPU %.0f%%)", id, value,
				unit, result.latency().p50(), result.latency().p99(), result.latency().p999(), result.failures(),
				100 * result.clientCpuShare());
		return result;
	}

	private static Answer accepted(int size) {
		return new Answer() {

			@Override
			public int units(int status, byte[] body) {
				if (status != 200) {
					return -1;
				}
				// the counts come first in the answer, before the results
				Matcher matcher = ACCEPTED
					.matcher(new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8));
				if (!matcher.find()) {
					return -1;
				}
				int accepted = Integer.parseInt(matcher.group(1));
				return (accepted == size) ? accepted : -1;
			}

			@Override
			public boolean needsBody() {
				return true;
			}

		};
	}

}
