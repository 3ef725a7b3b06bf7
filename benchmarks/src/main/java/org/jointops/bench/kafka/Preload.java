package org.jointops.bench.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.bench.data.RevisionStream;
import org.jointops.bench.data.RevisionStream.Revision;
import org.jointops.wire.AvroSingleObjectSerializer;
import org.jointops.wire.Topics;

/**
 * Writes revisions straight to the findings topics as the producers would (key the report
 * id, value the encoded revision, timestamp its submission time, {@code acks=all},
 * idempotent), only faster: large batches, a little linger.
 */
public final class Preload {

	private Preload() {
	}

	/**
	 * Writes every revision of a stream and waits for all acknowledgements.
	 * @param client bootstrap servers and the administrator's credentials
	 * @param revisions the stream
	 * @return what was written
	 */
	public static Written write(Map<String, Object> client, RevisionStream revisions) {
		return write(client, revisions, Long.MAX_VALUE, (revision) -> {
		});
	}

	/**
	 * Writes the next revisions of a stream, at most a number of them, and waits for all
	 * acknowledgements.
	 * @param client bootstrap servers and the administrator's credentials
	 * @param revisions the stream
	 * @param most how many revisions at most
	 * @param written told of every revision as it is sent
	 * @return what was written
	 */
	public static Written write(Map<String, Object> client, RevisionStream revisions, long most,
			Consumer<Revision> written) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
		AtomicReference<Exception> failure = new AtomicReference<>();
		long records = 0;
		long bytes = 0;
		long started = System.nanoTime();
		try (AvroSingleObjectSerializer encoder = new AvroSingleObjectSerializer();
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
						new ByteArraySerializer())) {
			while (revisions.hasNext() && records < most) {
				Revision revision = revisions.next();
				written.accept(revision);
				String topic = Topics.findings(revision.state());
				byte[] value = encoder.serialize(topic, revision.value());
				producer.send(new ProducerRecord<>(topic, null, revision.value().getSubmittedAt().toEpochMilli(),
						revision.key(), value), (metadata, ex) -> {
							if (ex != null) {
								failure.compareAndSet(null, ex);
							}
						});
				records++;
				bytes += value.length;
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Preloading failed: " + failure.get(), failure.get());
		}
		return new Written(records, bytes, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * What a preload wrote.
	 *
	 * @param records records written
	 * @param bytes bytes of their values
	 * @param seconds how long it took
	 */
	public record Written(long records, long bytes, double seconds) {

		/**
		 * The mean size of a value.
		 * @return bytes per record
		 */
		public double meanValueBytes() {
			return (this.records > 0) ? (double) this.bytes / this.records : 0;
		}

	}

}
