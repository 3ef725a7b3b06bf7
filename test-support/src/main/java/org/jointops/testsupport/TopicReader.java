package org.jointops.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jointops.wire.Topic;

/**
 * Reads a whole topic as it stands, committed records only, as an independent observer
 * would.
 */
public final class TopicReader {

	private TopicReader() {
	}

	/**
	 * Every committed record of a typed topic, from the start to the end offsets at the
	 * time of the call.
	 * @param <K> key type
	 * @param <V> value type
	 * @param client bootstrap servers and any security settings
	 * @param topic the topic with its serdes
	 * @return the records, partition by partition, in offset order
	 */
	public static <K, V> List<ConsumerRecord<K, V>> readAll(Map<String, Object> client, Topic<K, V> topic) {
		return readAll(client, topic.name(), topic.keyDeserializer(), topic.valueDeserializer());
	}

	/**
	 * Every committed record of a topic, from the start to the end offsets at the time of
	 * the call, read with the given client settings (e.g. an administrator's on a node
	 * with SASL).
	 * @param <K> key type
	 * @param <V> value type
	 * @param client bootstrap servers and any security settings
	 * @param topic the topic
	 * @param keys key deserializer
	 * @param values value deserializer
	 * @return the records, partition by partition, in offset order
	 */
	public static <K, V> List<ConsumerRecord<K, V>> readAll(Map<String, Object> client, String topic,
			Deserializer<K> keys, Deserializer<V> values) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<K, V>> records = new ArrayList<>();
			Instant deadline = Instant.now().plusSeconds(30);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + topic + " to its end " + end);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

}
