package org.jointops.bench.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools ({@code org.apache.kafka.tools.ProducerPerformance} and
 * {@code ConsumerPerformance} of {@code kafka-tools}, the version the build manages),
 * each run as a process of its own, as {@code kafka-producer-perf-test.sh} and
 * {@code kafka-consumer-perf-test.sh} would, authenticated as the node's administrator.
 */
public final class KafkaTools {

	private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
			+ "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
			+ "(\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

	private final String bootstrapServers;

	private final Path clientConfig;

	private final List<String> jvmOptions;

	private final Path logs;

	/**
	 * The tools for one broker.
	 * @param bootstrapServers the broker
	 * @param client the administrator's client settings (security), written to a file for
	 * the tools' {@code --command-config}
	 * @param jvmOptions options of the tools' JVMs
	 * @param directory where the settings file and the tools' output go
	 */
	public KafkaTools(String bootstrapServers, Map<String, Object> client, List<String> jvmOptions, Path directory) {
		this.bootstrapServers = bootstrapServers;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.logs = directory;
		this.clientConfig = writeClientConfig(client, directory.resolve("admin-client.properties"));
	}

	/**
	 * The settings file of the node's administrator, as the tools take it.
	 * @return the file
	 */
	public Path clientConfig() {
		return this.clientConfig;
	}

	/**
	 * Runs {@code ProducerPerformance}: fixed-size records, no throttling,
	 * {@code acks=all} and idempotence, the producer's defaults otherwise.
	 * @param topic the topic
	 * @param records how many records
	 * @param recordSize bytes per record
	 * @param timeout longest run
	 * @return its summary
	 */
	public ProducerPerformance producerPerformance(String topic, long records, int recordSize, Duration timeout) {
		String output = run("producer-performance", timeout, "org.apache.kafka.tools.ProducerPerformance",
				"--bootstrap-server", this.bootstrapServers, "--topic", topic, "--num-records", Long.toString(records),
				"--record-size", Integer.toString(recordSize), "--throughput", "-1", "--command-config",
				this.clientConfig.toString(), "--command-property", "acks=all", "enable.idempotence=true");
		MatchResult last = null;
		Matcher matcher = PRODUCER_SUMMARY.matcher(output);
		while (matcher.find()) {
			last = matcher.toMatchResult();
		}
		if (last == null) {
			throw new IllegalStateException("ProducerPerformance printed no summary:\n" + tail(output));
		}
		return new ProducerPerformance(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)),
				Double.parseDouble(last.group(3)), Double.parseDouble(last.group(6)), Double.parseDouble(last.group(8)),
				Double.parseDouble(last.group(9)));
	}

	/**
	 * Runs {@code ConsumerPerformance} over topics, from their beginning, in a new group.
	 * @param include a regular expression of the topics
	 * @param records how many records to read
	 * @param timeout longest run
	 * @return its figures
	 */
	public ConsumerPerformance consumerPerformance(String include, long records, Duration timeout) {
		String output = run("consumer-performance", timeout, "org.apache.kafka.tools.ConsumerPerformance",
				"--bootstrap-server", this.bootstrapServers, "--include", include, "--num-records",
				Long.toString(records), "--command-config", this.clientConfig.toString(), "--group",
				"bench-consumer-performance-" + System.nanoTime(), "--timeout", "30000", "--hide-header");
		for (String line : output.split("\n")) {
			String[] fields = line.trim().split(",\\s*");
			if (fields.length == 10 && fields[4].matches("\\d+")) {
				return new ConsumerPerformance(Long.parseLong(fields[4]), Double.parseDouble(fields[5]),
						Double.parseDouble(fields[6]), Double.parseDouble(fields[7]), Double.parseDouble(fields[9]));
			}
		}
		throw new IllegalStateException("ConsumerPerformance printed no figures:\n" + tail(output));
	}

	/**
	 * Starts the Kafka Streams baseline ({@link CountBaseline}) as a process.
	 * @param applicationId its application id
	 * @param stateDirectory its state directory
	 * @param settings processing guarantee, commit interval, threads
	 * @param extraJvm its own JVM options (e.g. a flight recording), after the tools'
	 * @return the process, running
	 */
	public Process countBaseline(String applicationId, Path stateDirectory, StreamsSettings settings,
			List<String> extraJvm) {
		List<String> command = java(CountBaseline.class.getName(), this.bootstrapServers, this.clientConfig.toString(),
				applicationId, stateDirectory.toString(), settings.processingGuarantee(),
				Long.toString(settings.commitIntervalMs()), Integer.toString(settings.threads()));
		command.addAll(1, extraJvm);
		return start(command, this.logs.resolve("count-baseline-" + applicationId + ".log"));
	}

	private String run(String name, Duration timeout, String main, String... arguments) {
		Path log = this.logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
		Process process = start(java(main, arguments), log);
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not end within " + timeout + "; see " + log);
			}
			String output = Files.readString(log);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "):\n" + tail(output));
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<String> java(String main, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main);
		command.addAll(List.of(arguments));
		return command;
	}

	private static Process start(List<String> command, Path log) {
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command.get(command.size() - 1), ex);
		}
	}

	private static Path writeClientConfig(Map<String, Object> client, Path file) {
		Properties properties = new Properties();
		client.forEach((key, value) -> {
			if (!"bootstrap.servers".equals(key)) {
				properties.setProperty(key, String.valueOf(value));
			}
		});
		try {
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				properties.store(out, "The node's administrator, for Kafka's tools");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String tail(String output) {
		return (output.length() > 3000) ? output.substring(output.length() - 3000) : output;
	}

	/**
	 * The summary of a {@code ProducerPerformance} run.
	 *
	 * @param records records sent
	 * @param recordsPerSecond throughput
	 * @param megabytesPerSecond throughput in MB/s
	 * @param p50 median latency, ms
	 * @param p99 99th percentile, ms
	 * @param p999 99.9th percentile, ms
	 */
	public record ProducerPerformance(long records, double recordsPerSecond, double megabytesPerSecond, double p50,
			double p99, double p999) {

	}

	/**
	 * The figures of a {@code ConsumerPerformance} run.
	 *
	 * @param records records read
	 * @param recordsPerSecond over the whole run, joining the group included
	 * @param rebalanceMs time spent joining the group
	 * @param fetchMs time spent fetching
	 * @param fetchRecordsPerSecond over the fetch time only (what a figure is compared
	 * with)
	 */
	public record ConsumerPerformance(long records, double recordsPerSecond, double rebalanceMs, double fetchMs,
			double fetchRecordsPerSecond) {

	}

}
