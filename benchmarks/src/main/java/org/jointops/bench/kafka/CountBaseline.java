package org.jointops.bench.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jointops.wire.Topics;

/**
 * The aggregation's baseline: a plain Kafka Streams {@code groupByKey().count()} over the
 * findings topics (followed by pattern, as the aggregator follows them), the records
 * neither decoded nor checked, with the aggregator's processing guarantee, commit
 * interval and threads. Run as a process of its own by the benchmark; it runs until it is
 * stopped.
 */
public final class CountBaseline {

	private CountBaseline() {
	}

	/**
	 * Runs the baseline.
	 * @param args bootstrap servers, client settings file, application id, state
	 * directory, processing guarantee, commit interval (ms), stream threads
	 * @throws InterruptedException if interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		Properties properties = load(Path.of(args[1]));
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[4]);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, args[5]);
		properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, args[6]);
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(Topics.FINDINGS_PATTERN, Consumed.with(Serdes.Bytes(), Serdes.Bytes()))
			.groupByKey(Grouped.with(Serdes.Bytes(), Serdes.Bytes()))
			.count(Materialized.<Bytes, Long, KeyValueStore<Bytes, byte[]>>as("revisions-per-report")
				.withKeySerde(Serdes.Bytes()));
		CountDownLatch stopped = new CountDownLatch(1);
		KafkaStreams streams = new KafkaStreams(builder.build(), properties);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			streams.close();
			stopped.countDown();
		}));
		streams.start();
		stopped.await();
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
