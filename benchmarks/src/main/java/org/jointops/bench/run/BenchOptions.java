package org.jointops.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jointops.bench.data.RevisionStream.Mix;
import org.jointops.bench.data.Shape;

/**
 * The options of {@code ./bench}: sizes, durations, which phases, where results go.
 *
 * @param smoke whether this is a smoke run (tiny sizes, quick-starting JVMs)
 * @param revisions revisions preloaded per shape
 * @param shapes shapes of the catch-up (the first is the reference)
 * @param lines finding lines per preloaded report
 * @param mix shares of duplicates, corrections and withdrawals among the revisions
 * @param clients concurrent clients of the single-report measurements
 * @param batchSizes reports per batch
 * @param batchClients concurrent clients of the batch measurements
 * @param warmup warm-up before each HTTP measurement
 * @param measure length of each HTTP measurement
 * @param freshness length of the freshness measurement
 * @param freshnessRate background requests per second during it; 0 for half the
 * single-report rate at the most clients
 * @param catchUpTimeout longest catch-up, from the first commit
 * @param perfRecords records of ProducerPerformance
 * @param seed seed of the preloaded revisions
 * @param queryRevisions revisions of the query measurements' one operation, at each of
 * which the queries are measured (ascending)
 * @param queryCells cells of that operation
 * @param queryRequests requests measured per query
 * @param queryWarmup requests before those
 * @param phases the phases to run
 * @param out where results are written
 * @param runDirectory where the broker's data and the processes' logs go (emptied first)
 * @param commitIntervalMs the aggregators' and the Streams baseline's
 * {@code commit.interval.ms} instead of the aggregator's own, or 0
 * @param streamThreads their {@code num.stream.threads} instead of the aggregator's own,
 * or 0
 * @param serviceJvm JVM options of services, tools and baselines
 * @param brokerJvm JVM options of the broker
 * @param profile whether every service records a Java Flight Recording
 * @param command the command line, as the results quote it
 */
public record BenchOptions(boolean smoke, long revisions, List<Shape> shapes, int lines, Mix mix, List<Integer> clients,
		List<Integer> batchSizes, int batchClients, Duration warmup, Duration measure, Duration freshness,
		double freshnessRate, Duration catchUpTimeout, long perfRecords, long seed, List<Long> queryRevisions,
		int queryCells, int queryRequests, int queryWarmup, Set<Phase> phases, Path out, Path runDirectory,
		long commitIntervalMs, int streamThreads, List<String> serviceJvm, List<String> brokerJvm, boolean profile,
		String command) {

	/** Kafka's own JVM defaults for a broker ({@code kafka-server-start.sh}). */
	static final String KAFKA_JVM = "-Xmx1g -Xms1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
			+ "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent";

	/** The usage text. */
	public static final String USAGE = """
			Usage: ./bench [--smoke] [--revisions=N] [--shapes=OPSxCELLS,...] [--phases=P,...] [options]
			  --smoke                 tiny sizes and quick-starting JVMs: checks the harness, measures nothing
			  --revisions=N           revisions preloaded per catch-up shape (default 1000000)
			  --shapes=LIST           operations x cells per operation; the first is the reference
			                          (default 1x10,100x10,1x50000)
			  --lines=N               finding lines per preloaded report (default 3)
			  --mix=D,C,W             percent duplicates, corrections, withdrawals (default 10,15,5)
			  --clients=LIST          concurrent clients of single-report ingest (default 1,8,64)
			  --batch-sizes=LIST      reports per batch (default 100,1000)
			  --batch-clients=N       concurrent clients of batch ingest (default 4)
			  --warmup=SECONDS        warm-up before each HTTP measurement (default 5)
			  --seconds=SECONDS       length of each HTTP measurement (default 20)
			  --freshness-seconds=S   length of the freshness measurement (default 60)
			  --freshness-rate=R      background requests/s then (default: half of single-report ingest at
			                          the most clients)
			  --catch-up-timeout=S    longest catch-up from its first commit; slower is DNF (default 600)
			  --perf-records=N        records of ProducerPerformance (default 1000000)
			  --seed=N                seed of the preloaded revisions (default 20170522)
			  --query-revisions=LIST  revisions of the one operation the queries read, measured at each
			                          (default 10000,200000)
			  --query-cells=N         cells of that operation (default 1680)
			  --query-requests=N      requests measured per query, one client (default 100)
			  --query-warmup=N        requests before those (default 10)
			  --phases=LIST           kafka,ingest,catch-up,recovery,freshness,queries,footprint (default all)
			  --out=DIR               where results go (default docs/benchmarks; smoke: benchmarks/target/bench-smoke)
			  --run-dir=DIR           broker data and process logs, emptied first (default benchmarks/target/bench-run)
			  --commit-interval-ms=N  commit.interval.ms of the aggregators and the Streams baseline instead of
			                          the aggregator's own (aggregator.yml); the freshness target follows it
			  --stream-threads=N      num.stream.threads of both instead of the aggregator's own
			  --service-jvm="OPTS"    JVM options of services, tools and baselines (default -Xmx1g)
			  --broker-jvm="OPTS"     JVM options of the broker (default Kafka's: -Xmx1g -Xms1g -XX:+UseG1GC ...)
			  --profile               every service records a Java Flight Recording (profile settings) into
			                          RUN-DIR/jfr/<service>.jfr, written when it stops (not after kill -9)""";

	/**
	 * Reads the command line.
	 * @param args the arguments
	 * @param command the command as typed, for the results
	 * @return the options
	 */
	public static BenchOptions parse(String[] args, String command) {
		Map<String, String> given = new LinkedHashMap<>();
		boolean smoke = false;
		boolean profile = false;
		for (String arg : args) {
			if (arg.equals("--smoke")) {
				smoke = true;
				continue;
			}
			if (arg.equals("--profile")) {
				profile = true;
				continue;
			}
			if (arg.equals("--help") || arg.equals("-h")) {
				throw new IllegalArgumentException(USAGE);
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Options are --name=value; found '" + arg + "'\n" + USAGE);
			}
			given.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		Options options = new Options(given, smoke);
		BenchOptions parsed = new BenchOptions(smoke, options.longValue("revisions", 1_000_000, 3_000),
				options.list("shapes", "1x10,100x10,1x50000", "1x10").stream().map(Shape::parse).toList(),
				(int) options.longValue("lines", 3, 3), mix(options.text("mix", "10,15,5", "10,15,5")),
				options.integers("clients", "1,8,64", "1,8,64"),
				options.integers("batch-sizes", "100,1000", "100,1000"), (int) options.longValue("batch-clients", 4, 4),
				options.seconds("warmup", 5, 1), options.seconds("seconds", 20, 1),
				options.seconds("freshness-seconds", 60, 3),
				Double.parseDouble(options.text("freshness-rate", "0", "0")),
				options.seconds("catch-up-timeout", 600, 60), options.longValue("perf-records", 1_000_000, 20_000),
				options.longValue("seed", 20170522L, 20170522L),
				options.list("query-revisions", "10000,200000", "300,1500")
					.stream()
					.map((count) -> Long.parseLong(count.replace("_", "")))
					.sorted()
					.distinct()
					.toList(),
				(int) options.longValue("query-cells", 1680, 1680), (int) options.longValue("query-requests", 100, 5),
				(int) options.longValue("query-warmup", 10, 2), phases(options.text("phases", "all", "all")),
				Path.of(options.text("out", "docs/benchmarks", "benchmarks/target/bench-smoke")),
				Path.of(options.text("run-dir", "benchmarks/target/bench-run", "benchmarks/target/bench-run")),
				options.longValue("commit-interval-ms", 0, 0), (int) options.longValue("stream-threads", 0, 0),
				jvm(options.text("service-jvm", "-Xmx1g", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")),
				jvm(options.text("broker-jvm", KAFKA_JVM, "-Xmx512m -XX:+UseSerialGC")), profile, command);
		options.requireAllUsed();
		if (parsed.shapes().isEmpty() || parsed.clients().isEmpty() || parsed.batchSizes().isEmpty()
				|| parsed.queryRevisions().isEmpty()) {
			throw new IllegalArgumentException(
					"--shapes, --clients, --batch-sizes and --query-revisions need at least one value");
		}
		if (parsed.queryRevisions().get(0) < 1 || parsed.queryRequests() < 1 || parsed.queryWarmup() < 0) {
			throw new IllegalArgumentException("--query-revisions and --query-requests need positive numbers");
		}
		return parsed;
	}

	/**
	 * The reference shape, which the others are compared with and which recovery and
	 * freshness run on.
	 * @return the first shape
	 */
	public Shape reference() {
		return this.shapes.get(0);
	}

	/**
	 * The shape of the query measurements: one operation.
	 * @return {@code 1 x queryCells}
	 */
	public Shape queryShape() {
		return new Shape(1, this.queryCells);
	}

	/**
	 * The most concurrent clients of single-report ingest.
	 * @return e.g. 64
	 */
	public int mostClients() {
		return this.clients.stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	/**
	 * Whether a phase runs.
	 * @param phase the phase
	 * @return true if chosen
	 */
	public boolean runs(Phase phase) {
		return this.phases.contains(phase);
	}

	/**
	 * The sizes, one line each, as the results quote them.
	 * @return the settings
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
				"%,d revisions per shape (%d%% duplicates, %d%% corrections, "
						+ "%d%% withdrawals), %d lines per report, shapes %s",
				this.revisions, this.mix.duplicates(), this.mix.corrections(), this.mix.withdrawals(), this.lines,
				String.join(", ", this.shapes.stream().map(Shape::tag).toList())));
		lines.add("HTTP: " + this.warmup.toSeconds() + " s warm-up + " + this.measure.toSeconds()
				+ " s measured per step; clients " + this.clients + "; batches of " + this.batchSizes + " with "
				+ this.batchClients + " clients");
		lines.add(String.format(Locale.ROOT, "ProducerPerformance %,d records; freshness %d s; catch-up timeout %d s",
				this.perfRecords, this.freshness.toSeconds(), this.catchUpTimeout.toSeconds()));
		lines.add(String.format(Locale.ROOT,
				"queries: one operation of %,d cells at %s revisions, %d requests after %d of warm-up each",
				this.queryCells,
				String.join(" and ",
						this.queryRevisions.stream().map((count) -> String.format(Locale.ROOT, "%,d", count)).toList()),
				this.queryRequests, this.queryWarmup));
		if (this.commitIntervalMs > 0 || this.streamThreads > 0) {
			lines.add("aggregators and Streams baseline with"
					+ ((this.commitIntervalMs > 0) ? " commit.interval.ms " + this.commitIntervalMs : "")
					+ ((this.streamThreads > 0) ? " num.stream.threads " + this.streamThreads : "")
					+ " instead of aggregator.yml's");
		}
		lines.add("phases " + String.join(",", this.phases.stream().map(Phase::option).toList()) + "; services "
				+ String.join(" ", this.serviceJvm) + "; broker " + String.join(" ", this.brokerJvm));
		return lines;
	}

	private static Mix mix(String text) {
		String[] parts = text.split(",");
		if (parts.length != 3) {
			throw new IllegalArgumentException("--mix is DUPLICATES,CORRECTIONS,WITHDRAWALS in percent, e.g. 10,15,5");
		}
		return new Mix(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
				Integer.parseInt(parts[2].trim()));
	}

	private static Set<Phase> phases(String text) {
		if (text.equals("all")) {
			return EnumSet.allOf(Phase.class);
		}
		Set<Phase> phases = EnumSet.noneOf(Phase.class);
		Arrays.stream(text.split(",")).map(Phase::of).forEach(phases::add);
		return phases;
	}

	private static List<String> jvm(String text) {
		return Arrays.stream(text.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	/**
	 * The options given, with defaults for a full and a smoke run.
	 */
	private static final class Options {

		private final Map<String, String> given;

		private final boolean smoke;

		private final Set<String> used = new HashSet<>();

		Options(Map<String, String> given, boolean smoke) {
			this.given = given;
			this.smoke = smoke;
		}

		String text(String name, String full, String smoke) {
			this.used.add(name);
			return this.given.getOrDefault(name, this.smoke ? smoke : full);
		}

		long longValue(String name, long full, long smoke) {
			String value = text(name, Long.toString(full), Long.toString(smoke)).replace("_", "").replace(",", "");
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " needs a whole number, found '" + value + "'");
			}
		}

		Duration seconds(String name, long full, long smoke) {
			return Duration.ofSeconds(longValue(name, full, smoke));
		}

		List<String> list(String name, String full, String smoke) {
			return Arrays.stream(text(name, full, smoke).split(","))
				.map(String::trim)
				.filter((s) -> !s.isEmpty())
				.toList();
		}

		List<Integer> integers(String name, String full, String smoke) {
			return list(name, full, smoke).stream().map(Integer::parseInt).toList();
		}

		void requireAllUsed() {
			List<String> unknown = this.given.keySet().stream().filter((name) -> !this.used.contains(name)).toList();
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("Unknown option(s) " + unknown + "\n" + USAGE);
			}
		}

	}

}
