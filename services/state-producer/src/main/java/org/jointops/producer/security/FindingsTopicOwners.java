package org.jointops.producer.security;

import java.time.Duration;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the state's findings topic from the start ({@link TopicFollower}: no consumer
 * group, committed records only) into {@link ReportOwners}, which is ready once the
 * follower has read to the end the topic had at start-up (at once if the topic does not
 * exist yet). Records it cannot decode are skipped (the aggregator dead-letters them).
 */
@Component
class FindingsTopicOwners implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FindingsTopicOwners.class);

	private static final Duration START_PATIENCE = Duration.ofSeconds(5);

	private final ReportOwners owners;

	private final Topic<String, ReportRevision> topic;

	private final TopicFollower<String, ReportRevision> follower;

	FindingsTopicOwners(ReportOwners owners, KafkaProperties kafka, WireFormat wire, ProducerProperties properties) {
		this.owners = owners;
		this.topic = wire.findings(properties.state());
		this.follower = new TopicFollower<>(this.topic, kafka.buildConsumerProperties(),
				"report-owners-" + properties.state().toLowerCase(Locale.ROOT), new TopicFollower.Listener<>() {

					@Override
					public void onRecord(ConsumerRecord<String, ReportRevision> record) {
						if (record.key() != null && record.value() != null) {
							owners.accepted(record.key(), record.value().getAgency());
						}
					}

					@Override
					public void onUndecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
						logger.debug("Skipped the undecodable record {}-{}@{}", record.topic(), record.partition(),
								record.offset());
					}

				});
	}

	@Override
	public void start() {
		this.follower.start();
		this.follower.readToEnd().thenRun(() -> {
			this.owners.markReady();
			logger.info("Read the owners of {} reports from {}", this.owners.size(), this.topic);
		});
		// the web server starts after this: requests meet a known set of owners unless
		// Kafka is slow (then they are answered 503 until it is read)
		if (!this.owners.awaitReady(START_PATIENCE)) {
			logger.warn("{} not read within {}; reports are answered 503 until it is", this.topic, START_PATIENCE);
		}
	}

	@Override
	public void stop() {
		this.follower.stop();
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

}
