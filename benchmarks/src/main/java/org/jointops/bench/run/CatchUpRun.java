package org.jointops.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.TopicPartition;
import org.jointops.bench.data.ExpectedTotals;
import org.jointops.bench.data.Grid;
import org.jointops.bench.data.RevisionStream;
import org.jointops.bench.data.RevisionStream.Kind;
import org.jointops.bench.data.Shape;
import org.jointops.bench.kafka.GroupProgress;
import org.jointops.bench.kafka.KafkaTools;
import org.jointops.bench.kafka.Preload;
import org.jointops.bench.kafka.StreamsSettings;
import org.jointops.bench.kafka.TopicAdmin;
import org.jointops.bench.load.Latencies;
import org.jointops.bench.report.Results;
import org.jointops.bench.report.Status;
import org.jointops.bench.report.Target;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * Aggregator catch-up for one shape: the findings topics are emptied and preloaded with
 * the shape's revisions, then, one after the other on the same records,
 * ConsumerPerformance, the aggregator with at-least-once, the Kafka Streams baseline
 * ({@code groupByKey().count()}, exactly-once), and the aggregator with exactly-once.
 * Each application starts from nothing (an application id of its own) and is timed from
 * its first committed offset until it is done: for the aggregator, until its consumer
 * group has consumed every input to its end and its API answers exactly the expected
 * totals for every operation; for the baseline, until its group has consumed the findings
 * topics to their ends. Only public behaviour is used: topics, consumer groups, the HTTP
 * API.
 */
public final class CatchUpRun {

	private static final long POLL_MILLIS = 200;

	private static final String GROUP = "Aggregator catch-up over preloaded revisions";

	private CatchUpRun() {
	}

	/**
	 * The row of the aggregator with exactly-once.
	 * @param shape the shape
	 * @return its id
	 */
	public static String exactlyOnce(Shape shape) {
		return "catchup.eos." + shape.tag();
	}

	/**
	 * The row of the aggregator with at-least-once.
	 * @param shape the shape
	 * @return its id
	 */
	public static String atLeastOnce(Shape shape) {
		return "catchup.alos." + shape.tag();
	}

	/**
	 * The row of the Kafka Streams baseline.
	 * @param shape the shape
	 * @return its id
	 */
	public static String count(Shape shape) {
		return "streams.count-eos." + shape.tag();
	}

	/**
	 * The row of ConsumerPerformance over the shape's records.
	 * @param shape the shape
	 * @return its id
	 */
	public static String consumerPerformance(Shape shape) {
		return "kafka.consumer-performance." + shape.tag();
	}

	/**
	 * Plans the ConsumerPerformance rows, among the Kafka baselines.
	 * @param results the results
	 * @param options the options
	 */
	public static void planBaselines(Results results, BenchOptions options) {
		for (Shape shape : options.shapes()) {
			results.plan(consumerPerformance(shape), "Kafka baselines",
					"ConsumerPerformance over the preloaded findings, " + shape.label(), "records/s", null);
		}
	}

	/**
	 * The id prefixes of a shape's rows.
	 * @param shape the shape
	 * @return the prefixes
	 */
	static List<String> rows(Shape shape) {
		return List.of(exactlyOnce(shape), atLeastOnce(shape), count(shape), consumerPerformance(shape));
	}

	/**
	 * Plans the rows and targets of every shape.
	 * @param results the results
	 * @param options the options
	 */
	public static void plan(Results results, BenchOptions options) {
		for (Shape shape : options.shapes()) {
			results.plan(count(shape), GROUP, "Kafka Streams groupByKey().count(), exactly-once, " + shape.label(),
					"records/s", consumerPerformance(shape));
			results.plan(exactlyOnce(shape), GROUP, "Aggregator, exactly-once, " + shape.label(), "records/s",
					count(shape));
			results.plan(atLeastOnce(shape), GROUP, "Aggregator, at-least-once, " + shape.label(), "records/s",
					exactlyOnce(shape));
		}
		Shape reference = options.reference();
		for (Shape shape : options.shapes()) {
			results.target(new Target(
					"Catch-up with exactly-once ≥ 50% of groupByKey().count() with exactly-once (" + shape.tag() + ")",
					exactlyOnce(shape), count(shape), Target.Kind.AT_LEAST, 0.50));
			results.target(new Target("Catch-up never below the batch ingest rate (" + shape.tag() + ")",
					exactlyOnce(shape), IngestRun.BEST_BATCH, Target.Kind.AT_LEAST, 1.0));
			if (!shape.equals(reference)) {
				results.target(new Target("Catch-up within 20% of itself: " + shape.tag() + " vs " + reference.tag(),
						exactlyOnce(shape), exactlyOnce(reference), Target.Kind.WITHIN, 0.20));
			}
			results.target(new Target("Catch-up, ratio to ConsumerPerformance (" + shape.tag() + ")",
					exactlyOnce(shape), consumerPerformance(shape), Target.Kind.REPORTED, Double.NaN));
		}
	}

	/**
	 * Runs one shape.
	 * @param deployment the deployment
	 * @param options the options
	 * @param results where the figures go
	 * @param settings the aggregator's Kafka Streams settings, for the baseline
	 * @param shape the shape
	 * @param keep whether the exactly-once aggregator is left running (for recovery and
	 * freshness), else stopped
	 * @return the exactly-once aggregator if kept and caught up, else null
	 */
	static Running run(Deployment deployment, BenchOptions options, Results results, StreamsSettings settings,
			Shape shape, boolean keep) {
		Grid grid = shape.grid(options.lines());
		Say.line("Catch-up, %s (%s)", shape.label(), grid);
		TopicAdmin topics = deployment.topics();
		Map<TopicPartition, Long> start = topics.emptyFindingsTopics(Shape.STATES);
		RevisionStream revisions = new RevisionStream(shape, grid, options.revisions(), options.mix(), options.seed());
		Preload.Written written = Preload.write(deployment.client(), revisions);
		long newReports = revisions.count(Kind.NEW);
		long populated = Math.min(shape.cells(), (newReports / shape.operations()) * grid.lines());
		String data = String.format(Locale.ROOT,
				"%,d records (%,d new reports, %,d duplicates, %,d corrections, %,d withdrawals; values of %.0f B on "
						+ "average); about %,d of %,d cells per operation populated",
				written.records(), newReports, revisions.count(Kind.DUPLICATE), revisions.count(Kind.CORRECTION),
				revisions.count(Kind.WITHDRAWAL), written.meanValueBytes(), populated, shape.cells());
		Say.line("  preloaded %s in %.1f s", data, written.seconds());
		ExpectedTotals expected = revisions.expected();
		Findings findings = new Findings(topics.findingsPartitions(), start);

		KafkaTools.ConsumerPerformance consumer = deployment.tools()
			.consumerPerformance("findings\\..*", written.records(), Duration.ofMinutes(10));
		results.measured(consumerPerformance(shape), consumer.fetchRecordsPerSecond(), Latencies.NONE,
				String.format(Locale.ROOT,
						"%,d records; over its fetch time (joining the group, %.1f s, left out, as it is for "
								+ "the applications below); %,.0f records/s with it",
						consumer.records(), consumer.rebalanceMs() / 1000, consumer.recordsPerSecond()));
		Say.line("  ConsumerPerformance: %,.0f records/s", consumer.fetchRecordsPerSecond());

		String prefix = KafkaUsers.AGGREGATOR_APPLICATION_ID + "-bench-" + shape.tag();
		TotalsCheck check = new TotalsCheck(expected);
		Running atLeastOnce = aggregator(deployment, options, results, atLeastOnce(shape), prefix + "-alos",
				StreamsSettings.AT_LEAST_ONCE, check, findings, written.records(), data);
		stop(atLeastOnce);

		String countId = "bench-count-" + shape.tag();
		Path countState = deployment.directory().resolve("state").resolve(countId);
		Process baseline = deployment.tools()
			.countBaseline(countId, countState, settings.withGuarantee(StreamsSettings.EXACTLY_ONCE),
					deployment.recording(countId));
		try {
			Timing timing = await(topics, countId, findings, baseline::isAlive, null, options.catchUpTimeout());
			record(results, count(shape), timing, written.records(),
					"the same records, neither decoded nor checked; commit.interval.ms " + settings.commitIntervalMs()
							+ " and " + settings.threads() + " stream thread(s), as the aggregator's aggregator.yml");
		}
		finally {
			baseline.destroy();
			try {
				if (!baseline.waitFor(30, TimeUnit.SECONDS)) {
					baseline.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				baseline.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

		Running exactlyOnce = aggregator(deployment, options, results, exactlyOnce(shape), prefix + "-eos",
				StreamsSettings.EXACTLY_ONCE, check, findings, written.records(), data);
		if (keep && exactlyOnce != null && exactlyOnce.caughtUp()) {
			return exactlyOnce;
		}
		stop(exactlyOnce);
		return null;
	}

	// runs an aggregator from nothing over the preloaded records
	private static Running aggregator(Deployment deployment, BenchOptions options, Results results, String row,
			String applicationId, String guarantee, TotalsCheck check, Findings findings, long records, String data) {
		Path state = deployment.directory().resolve("state").resolve(applicationId);
		ServiceProcess aggregator = deployment.aggregator(applicationId, guarantee, state);
		aggregator.start();
		Timing timing = await(deployment.topics(), applicationId, findings, aggregator.jvm()::isAlive,
				() -> check.exact(aggregator), options.catchUpTimeout());
		if (timing.status() == Status.DID_NOT_FINISH) {
			timing = timing.because(check.progress(aggregator));
		}
		record(results, row, timing, records, data + "; " + guarantee);
		return new Running(aggregator, applicationId, state, check, timing.status() == Status.MEASURED);
	}

	private static void record(Results results, String row, Timing timing, long records, String notes) {
		String how = String.format(Locale.ROOT, "%s; %.1f s from its first commit (%.1f s after its start)", notes,
				timing.seconds(), timing.startToFirstCommit());
		switch (timing.status()) {
			case MEASURED -> results.measured(row, records / timing.seconds(), Latencies.NONE, how + " until done");
			case DID_NOT_FINISH -> results.mark(row, Status.DID_NOT_FINISH, records / timing.seconds(),
					how + String.format(Locale.ROOT,
							" and not done, so its rate is below the figure (all records ÷ that time); %,d of %,d "
									+ "findings records consumed by its group%s",
							timing.consumed(), records, timing.reason().isEmpty() ? "" : "; " + timing.reason()));
			default -> results.mark(row, timing.status(), Double.NaN, timing.reason());
		}
		Say.line("  %s: %s, %.1f s, %s%,.0f records/s", row, timing.status(), timing.seconds(),
				(timing.status() == Status.DID_NOT_FINISH) ? "below " : "", records / timing.seconds());
	}

	/**
	 * Waits until an application is done: its group has consumed everything (and, for the
	 * aggregator, its totals are exact), or the timeout has passed since its first
	 * commit.
	 * @param topics the broker
	 * @param group the configured application id (the aggregator's group is named after
	 * it, see {@link TopicAdmin#streamsApplicationId})
	 * @param findings the findings partitions and where their records start
	 * @param alive whether its process still runs
	 * @param exact whether its totals are exact, or null if it has none to check
	 * @param timeout longest time from its first commit
	 * @return how it went
	 */
	static Timing await(TopicAdmin topics, String group, Findings findings, BooleanSupplier alive,
			BooleanSupplier exact, Duration timeout) {
		long started = System.nanoTime();
		long firstCommit = -1;
		long deadline = started + Deployment.START_TIMEOUT.toNanos() + timeout.toNanos();
		GroupProgress progress = null;
		while (true) {
			long now = System.nanoTime();
			if (!alive.getAsBoolean()) {
				return new Timing(Status.FAILED, started, firstCommit, now, 0, group + " exited; see its log");
			}
			progress = GroupProgress.read(topics, topics.streamsApplicationId(group), findings.partitions(),
					findings.start());
			if (firstCommit < 0 && progress.consumed() > 0) {
				firstCommit = now;
				deadline = now + timeout.toNanos();
			}
			if (firstCommit >= 0 && progress.done() && (exact == null || exact.getAsBoolean())) {
				return new Timing(Status.MEASURED, started, firstCommit, System.nanoTime(), progress.consumed(), "");
			}
			if (now > deadline) {
				return (firstCommit < 0)
						? new Timing(Status.FAILED, started, firstCommit, now, 0, group + " committed nothing")
						: new Timing(Status.DID_NOT_FINISH, started, firstCommit, now, progress.consumed(), "");
			}
			Procs.pause(POLL_MILLIS);
		}
	}

	static void stop(Running running) {
		if (running != null) {
			running.aggregator().stop();
		}
	}

	/**
	 * The findings partitions, and where the preloaded records start in each.
	 *
	 * @param partitions the partitions
	 * @param start first offset of each
	 */
	record Findings(List<TopicPartition> partitions, Map<TopicPartition, Long> start) {

	}

	/**
	 * An aggregator over a shape's records.
	 *
	 * @param aggregator the instance
	 * @param applicationId its application id
	 * @param stateDirectory its state directory
	 * @param check what its totals must be
	 * @param caughtUp whether it was exact in time
	 */
	record Running(ServiceProcess aggregator, String applicationId, Path stateDirectory, TotalsCheck check,
			boolean caughtUp) {

	}

	/**
	 * How a catch-up went.
	 *
	 * @param status measured, not finished, or failed
	 * @param started when the process started (nanoTime)
	 * @param firstCommit when its first commit was seen, or -1
	 * @param ended when it was done (or given up)
	 * @param consumed findings records consumed then
	 * @param reason why it failed
	 */
	record Timing(Status status, long started, long firstCommit, long ended, long consumed, String reason) {

		double seconds() {
			return (this.firstCommit < 0) ? Double.NaN : (this.ended - this.firstCommit) / 1e9;
		}

		double startToFirstCommit() {
			return (this.firstCommit < 0) ? Double.NaN : (this.firstCommit - this.started) / 1e9;
		}

		Timing because(String reason) {
			return new Timing(this.status, this.started, this.firstCommit, this.ended, this.consumed, reason);
		}

	}

}
