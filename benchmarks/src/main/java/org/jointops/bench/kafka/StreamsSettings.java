package org.jointops.bench.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka Streams settings a baseline shares with the aggregator, read from the
 * aggregator's own configuration ({@code aggregator.yml} in its executable jar), so that
 * the baseline follows them when they change.
 *
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param commitIntervalMs {@code commit.interval.ms}
 * @param threads {@code num.stream.threads}
 */
public record StreamsSettings(String processingGuarantee, long commitIntervalMs, int threads) {

	/** Kafka Streams' exactly-once. */
	public static final String EXACTLY_ONCE = "exactly_once_v2";

	/** Kafka Streams' at-least-once. */
	public static final String AT_LEAST_ONCE = "at_least_once";

	private static final String CONFIGURATION = "BOOT-INF/classes/aggregator.yml";

	/**
	 * Reads the aggregator's settings from its jar.
	 * @param aggregatorJar the executable jar
	 * @return its Kafka Streams settings (Kafka Streams' defaults where it sets none)
	 */
	@SuppressWarnings("unchecked")
	public static StreamsSettings ofAggregator(Path aggregatorJar) {
		try (JarFile jar = new JarFile(aggregatorJar.toFile())) {
			ZipEntry entry = jar.getEntry(CONFIGURATION);
			if (entry == null) {
				throw new IllegalStateException(aggregatorJar + " has no " + CONFIGURATION);
			}
			Map<String, Object> properties;
			try (InputStream in = jar.getInputStream(entry)) {
				Map<String, Object> root = new Yaml().load(in);
				properties = (Map<String, Object>) path(root, "spring", "kafka", "streams", "properties");
			}
			return new StreamsSettings(String.valueOf(properties.getOrDefault("processing.guarantee", AT_LEAST_ONCE)),
					Long.parseLong(String.valueOf(properties.getOrDefault("commit.interval.ms", "30000"))),
					Integer.parseInt(String.valueOf(properties.getOrDefault("num.stream.threads", "1"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + aggregatorJar, ex);
		}
	}

	/**
	 * The same settings with another processing guarantee.
	 * @param guarantee {@link #EXACTLY_ONCE} or {@link #AT_LEAST_ONCE}
	 * @return the settings
	 */
	public StreamsSettings withGuarantee(String guarantee) {
		return new StreamsSettings(guarantee, this.commitIntervalMs, this.threads);
	}

	/**
	 * The same settings with another commit interval and number of stream threads, where
	 * given.
	 * @param commitIntervalMs {@code commit.interval.ms}, or 0 to keep it
	 * @param threads {@code num.stream.threads}, or 0 to keep it
	 * @return the settings
	 */
	public StreamsSettings overriddenBy(long commitIntervalMs, int threads) {
		return new StreamsSettings(this.processingGuarantee,
				(commitIntervalMs > 0) ? commitIntervalMs : this.commitIntervalMs,
				(threads > 0) ? threads : this.threads);
	}

	@SuppressWarnings("unchecked")
	private static Object path(Map<String, Object> root, String... keys) {
		Object node = root;
		for (String key : keys) {
			if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return Map.of();
			}
			node = ((Map<String, Object>) map).get(key);
		}
		return node;
	}

}
