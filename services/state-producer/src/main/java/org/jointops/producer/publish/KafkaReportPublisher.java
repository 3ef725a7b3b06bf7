package org.jointops.producer.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes to the state's findings topic, keyed by report id, and returns only once the
 * broker has acknowledged the record (acks=all, idempotent producer).
 */
@Component
class KafkaReportPublisher implements ReportPublisher {

	private final KafkaTemplate<String, Object> template;

	private final Duration timeout;

	private final FindingsTopic findingsTopic;

	KafkaReportPublisher(KafkaTemplate<String, Object> template, ProducerProperties properties,
			FindingsTopic findingsTopic) {
		this.template = template;
		this.findingsTopic = findingsTopic;
		this.timeout = properties.publishTimeout();
	}

	@Override
	public PublishedRecord publish(ReportRevision revision) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(this.findingsTopic.name(), null,
				revision.getSubmittedAt().toEpochMilli(), revision.getReportId(), revision);
		try {
			RecordMetadata metadata = this.template.send(record)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
			return new PublishedRecord(metadata.topic(), metadata.partition(), metadata.offset());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaUnavailableException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			if (cause instanceof SerializationException) {
				throw new IllegalStateException("Cannot encode a valid revision", cause);
			}
			this.findingsTopic.ensureSoon();
			throw new KafkaUnavailableException("Kafka did not acknowledge the report (" + describe(cause) + ")", ex);
		}
	}

	private static String describe(Throwable cause) {
		return (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "no answer";
	}

}
