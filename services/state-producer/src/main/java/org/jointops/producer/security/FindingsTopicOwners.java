package org.jointops.producer.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the state's findings topic from the start, without a consumer group, into
 * {@link ReportOwners}, and keeps reading it. Records it cannot decode are skipped (the
 * aggregator dead-letters them).
 */
@Component
class FindingsTopicOwners implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FindingsTopicOwners.class);

	private static final Duration START_PATIENCE = Duration.ofSeconds(5);

	private final ReportOwners owners;

	private final Map<String, Object> config;

	private final Deserializer<ReportRevision> values;

	private final String topic;

	private volatile boolean running;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	FindingsTopicOwners(ReportOwners owners, KafkaProperties kafka, WireFormat wire, ProducerProperties properties) {
		this.owners = owners;
		this.values = wire.findings(properties.state()).valueDeserializer();
		this.topic = Topics.findings(properties.state());
		Map<String, Object> consumerConfig = kafka.buildConsumerProperties();
		consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "report-owners-" + properties.state());
		this.config = Map.copyOf(consumerConfig);
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::readForEver, "report-owners");
		this.thread.setDaemon(true);
		this.thread.start();
		// the web server starts after this: requests meet a known set of owners unless
		// Kafka is slow (then they are answered 503 until it is read)
		if (!this.owners.awaitReady(START_PATIENCE)) {
			logger.warn("{} not read within {}; reports are answered 503 until it is", this.topic, START_PATIENCE);
		}
	}

	private void readForEver() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(this.config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				this.consumer = reader;
				read(reader);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (KafkaException ex) {
				logger.warn("Reading {} for report owners failed ({}); trying again", this.topic, ex.getMessage());
				pause();
			}
		}
	}

	private void read(KafkaConsumer<String, byte[]> reader) {
		List<TopicPartition> partitions = reader.partitionsFor(this.topic, Duration.ofSeconds(10))
			.stream()
			.map((info) -> new TopicPartition(this.topic, info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			// no topic, no reports yet: it is created at start-up; look again
			this.owners.markReady();
			pause();
			return;
		}
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
		boolean caughtUp = false;
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
				note(record);
			}
			if (!caughtUp
					&& partitions.stream().allMatch((partition) -> reader.position(partition) >= end.get(partition))) {
				caughtUp = true;
				this.owners.markReady();
				logger.info("Read the owners of {} reports from {}", this.owners.size(), this.topic);
			}
		}
	}

	private void note(ConsumerRecord<String, byte[]> record) {
		try {
			ReportRevision revision = (record.key() != null)
					? this.values.deserialize(record.topic(), record.headers(), record.value()) : null;
			if (revision != null) {
				this.owners.accepted(record.key(), revision.getAgency());
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Skipped the undecodable record {}-{}@{}", record.topic(), record.partition(),
					record.offset());
		}
	}

	private void pause() {
		try {
			TimeUnit.SECONDS.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> reader = this.consumer;
		if (reader != null) {
			reader.wakeup();
		}
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
