package org.jointops.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jointops.bench.data.BenchCatalogue;
import org.jointops.bench.data.Shape;
import org.jointops.bench.kafka.StreamsSettings;
import org.jointops.bench.report.Machine;
import org.jointops.bench.report.Reports;
import org.jointops.bench.report.Results;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.testsupport.process.ServiceJars;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * One whole run of the benchmark on one broker, in this order: Kafka's
 * ProducerPerformance; HTTP ingest; per shape, catch-up with its baselines (after the
 * reference shape, recovery, freshness and the queries on its exactly-once aggregator);
 * then, with everything else stopped, the local stack's footprint; then the results. A
 * step that fails marks its rows failed and the run goes on.
 */
public final class BenchRun {

	private BenchRun() {
	}

	/**
	 * Runs the benchmark and writes its results.
	 * @param options the options
	 * @return the Markdown table written
	 */
	public static Path run(BenchOptions options) {
		long began = System.nanoTime();
		if (!writable(options.out())) {
			throw new IllegalArgumentException("Cannot write to " + options.out());
		}
		Machine machine = Machine.describe(options.command());
		StreamsSettings settings = StreamsSettings.ofAggregator(ServiceJars.aggregator())
			.overriddenBy(options.commitIntervalMs(), options.streamThreads());
		Results results = plan(options, settings);
		Path directory = options.runDirectory().toAbsolutePath();
		Procs.deleteRecursively(directory);
		Path catalogue = BenchCatalogue.write(directory.resolve("bench-catalogue.json"),
				options.shapes().stream().map((shape) -> shape.grid(options.lines())).toList(),
				options.shapes().stream().mapToInt(Shape::operations).max().orElse(1),
				options.queryShape().grid(options.lines()));
		Say.line("Benchmark: %s", String.join("; ", options.describe()));
		Say.line("Broker and processes under %s", directory);
		try (Deployment deployment = Deployment.start(directory, Shape.STATES, options.brokerJvm(),
				options.serviceJvm(), catalogue, options.profile(), options.smoke())) {
			if (options.commitIntervalMs() > 0) {
				deployment.withStreamsProperty("commit.interval.ms", Long.toString(options.commitIntervalMs()));
			}
			if (options.streamThreads() > 0) {
				deployment.withStreamsProperty("num.stream.threads", Integer.toString(options.streamThreads()));
			}
			step(options, Phase.KAFKA, results, List.of(KafkaRun.PRODUCER_PERFORMANCE),
					() -> KafkaRun.run(deployment, options, results));
			step(options, Phase.INGEST, results, List.of("http.", "ingest.", "footprint.producer"),
					() -> IngestRun.run(deployment, options, results));
			Set<Phase> done = EnumSet.noneOf(Phase.class);
			for (Shape shape : options.shapes()) {
				boolean reference = shape.equals(options.reference());
				step(options, Phase.CATCH_UP, results, CatchUpRun.rows(shape), () -> {
					boolean keep = reference && (options.runs(Phase.RECOVERY) || options.runs(Phase.FRESHNESS)
							|| options.runs(Phase.QUERIES));
					CatchUpRun.Running running = CatchUpRun.run(deployment, options, results, settings, shape, keep);
					if (running != null) {
						try {
							afterReference(deployment, options, results, running, done);
						}
						finally {
							running.aggregator().stop();
						}
					}
				});
			}
			if (!done.contains(Phase.FRESHNESS)) {
				step(options, Phase.FRESHNESS, results, List.of(FreshnessRun.FRESHNESS), () -> standalone(deployment,
						"freshness",
						(aggregator, applicationId) -> FreshnessRun.run(deployment, options, results, aggregator)));
			}
			if (!done.contains(Phase.QUERIES)) {
				step(options, Phase.QUERIES, results, QueryRun.rows(),
						() -> standalone(deployment, "queries", (aggregator, applicationId) -> QueryRun.run(deployment,
								options, results, aggregator, applicationId)));
			}
		}
		if (options.smoke()) {
			FootprintRun.skip(results);
		}
		else {
			step(options, Phase.FOOTPRINT, results, List.of("footprint.local-stack"),
					() -> FootprintRun.run(directory, results, options.profile()));
		}
		double minutes = (System.nanoTime() - began) / 60e9;
		Reports.write(options.out(), results, machine, options.describe(), options.smoke(), minutes);
		Say.line("Done in %.1f minutes: %s", minutes, options.out().resolve(Reports.TABLE));
		return options.out().resolve(Reports.TABLE);
	}

	private static Results plan(BenchOptions options, StreamsSettings settings) {
		Results results = new Results();
		KafkaRun.plan(results);
		CatchUpRun.planBaselines(results, options);
		IngestRun.plan(results, options);
		CatchUpRun.plan(results, options);
		FreshnessRun.plan(results, settings.commitIntervalMs());
		RecoveryRun.plan(results, options);
		QueryRun.plan(results, options);
		IngestRun.planFootprint(results);
		FootprintRun.plan(results);
		return results;
	}

	// recovery, freshness and the queries, on the reference shape's caught-up
	// exactly-once
	// aggregator
	private static void afterReference(Deployment deployment, BenchOptions options, Results results,
			CatchUpRun.Running running, Set<Phase> done) {
		step(options, Phase.RECOVERY, results, List.of("recovery."), () -> RecoveryRun.run(deployment, results, running,
				Duration.ofMinutes(10).plus(options.catchUpTimeout())));
		step(options, Phase.FRESHNESS, results, List.of(FreshnessRun.FRESHNESS), () -> {
			done.add(Phase.FRESHNESS);
			requireUp(running.aggregator());
			FreshnessRun.run(deployment, options, results, running.aggregator());
		});
		step(options, Phase.QUERIES, results, QueryRun.rows(), () -> {
			done.add(Phase.QUERIES);
			requireUp(running.aggregator());
			QueryRun.run(deployment, options, results, running.aggregator(), running.applicationId());
		});
	}

	private static void requireUp(ServiceProcess aggregator) {
		if (aggregator.healthStatus() != 200) {
			throw new IllegalStateException("the aggregator is not UP after recovery");
		}
	}

	// freshness or the queries when the reference shape's aggregator is not there: a new
	// aggregator on empty findings topics
	private static void standalone(Deployment deployment, String name, BiConsumer<ServiceProcess, String> measurement) {
		deployment.topics().emptyFindingsTopics(Shape.STATES);
		String applicationId = KafkaUsers.AGGREGATOR_APPLICATION_ID + "-bench-" + name;
		ServiceProcess aggregator = deployment.aggregator(applicationId, StreamsSettings.EXACTLY_ONCE,
				deployment.directory().resolve("state").resolve(applicationId));
		try {
			aggregator.start().awaitHealthy(Deployment.START_TIMEOUT);
			measurement.accept(aggregator, applicationId);
		}
		finally {
			aggregator.stop();
		}
	}

	private static void step(BenchOptions options, Phase phase, Results results, List<String> rows, Runnable step) {
		if (!options.runs(phase)) {
			return;
		}
		try {
			step.run();
		}
		catch (RuntimeException | AssertionError ex) {
			String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Say.line("%s failed: %s", phase.option(), reason);
			ex.printStackTrace(System.out);
			results.failUnmeasured(reason, rows);
		}
	}

	/**
	 * Whether an output directory is writable, checked before a long run.
	 * @param directory the directory
	 * @return true if it can be written
	 */
	private static boolean writable(Path directory) {
		try {
			Files.createDirectories(directory);
			return Files.isWritable(directory);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
