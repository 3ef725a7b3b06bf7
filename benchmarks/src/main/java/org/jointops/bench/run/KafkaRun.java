package org.jointops.bench.run;

import java.time.Duration;
import java.util.Locale;

import org.jointops.bench.data.ReportBodies;
import org.jointops.bench.kafka.KafkaTools;
import org.jointops.bench.load.Latencies;
import org.jointops.bench.report.Results;

/**
 * Kafka's {@code ProducerPerformance} with records the size of an encoded report.
 */
public final class KafkaRun {

	/** The row of ProducerPerformance. */
	public static final String PRODUCER_PERFORMANCE = "kafka.producer-performance";

	/** The topic it writes: three partitions, as a findings topic. */
	static final String TOPIC = "bench.producer-performance";

	private KafkaRun() {
	}

	/**
	 * Plans the rows.
	 * @param results the results
	 */
	public static void plan(Results results) {
		results.plan(PRODUCER_PERFORMANCE, "Kafka baselines", "ProducerPerformance (acks=all, idempotent)", "records/s",
				null);
	}

	/**
	 * The size of a record: a report of the HTTP measurements, encoded as the producers
	 * encode it.
	 * @return bytes
	 */
	public static int recordSize() {
		return ReportBodies.encodedSize("KAZ");
	}

	/**
	 * Runs ProducerPerformance.
	 * @param deployment the deployment
	 * @param options the options
	 * @param results where the figures go
	 */
	public static void run(Deployment deployment, BenchOptions options, Results results) {
		int size = recordSize();
		deployment.topics().createTopic(TOPIC, 3);
		Say.line("ProducerPerformance: %,d records of %d B (an encoded report), acks=all, idempotent",
				options.perfRecords(), size);
		KafkaTools.ProducerPerformance perf = deployment.tools()
			.producerPerformance(TOPIC, options.perfRecords(), size, Duration.ofMinutes(15));
		results.measured(PRODUCER_PERFORMANCE, perf.recordsPerSecond(),
				new Latencies(perf.records(), perf.p50(), perf.p99(), perf.p999(), Double.NaN),
				String.format(Locale.ROOT,
						"%,d records of %d B (the encoded size of the reports posted below) to a topic of 3 "
								+ "partitions, %.1f MB/s; Kafka's tool with its producer defaults otherwise",
						perf.records(), size, perf.megabytesPerSecond()));
		Say.line("  %,.0f records/s, p99 %.0f ms", perf.recordsPerSecond(), perf.p99());
	}

}
