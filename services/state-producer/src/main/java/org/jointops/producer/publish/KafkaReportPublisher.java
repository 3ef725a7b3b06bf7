package org.jointops.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes to the state's findings topic, keyed by report id, and returns only once the
 * broker has acknowledged the record (acks=all, idempotent producer).
 */
@Component
class KafkaReportPublisher implements ReportPublisher {

	private final KafkaTemplate<String, ReportRevision> template;

	private final Duration timeout;

	private final FindingsTopic findingsTopic;

	KafkaReportPublisher(KafkaTemplate<String, ReportRevision> template, ProducerProperties properties,
			FindingsTopic findingsTopic) {
		this.template = template;
		this.findingsTopic = findingsTopic;
		this.timeout = properties.publishTimeout();
	}

	@Override
	public PublishedRecord publish(ReportRevision revision) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			return awaited(send(revision), deadline);
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * Sends every revision without waiting in between (the idempotent producer keeps them
	 * in order), then waits for all acknowledgements within one
	 * {@code jointops.publish-timeout}. A send that fails at once (no metadata within
	 * {@code max.block.ms}) stops the rest from being attempted.
	 */
	@Override
	public List<PublishOutcome> publishAll(List<ReportRevision> revisions) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<CompletableFuture<SendResult<String, ReportRevision>>> sent = new ArrayList<>(revisions.size());
		KafkaUnavailableException stop = null;
		for (ReportRevision revision : revisions) {
			try {
				CompletableFuture<SendResult<String, ReportRevision>> future = send(revision);
				sent.add(future);
				if (future.isCompletedExceptionally()) {
					stop = unavailable(failureOf(future));
					break;
				}
			}
			catch (KafkaException | org.springframework.kafka.KafkaException ex) {
				stop = unavailable(ex);
				break;
			}
		}
		List<PublishOutcome> outcomes = new ArrayList<>(revisions.size());
		for (CompletableFuture<SendResult<String, ReportRevision>> future : sent) {
			try {
				outcomes.add(PublishOutcome.stored(awaited(future, deadline)));
			}
			catch (KafkaUnavailableException ex) {
				outcomes.add(PublishOutcome.failed(ex));
			}
		}
		while (outcomes.size() < revisions.size()) {
			outcomes.add(PublishOutcome.failed(stop));
		}
		return outcomes;
	}

	private CompletableFuture<SendResult<String, ReportRevision>> send(ReportRevision revision) {
		return this.template.send(new ProducerRecord<>(this.findingsTopic.name(), null,
				revision.getSubmittedAt().toEpochMilli(), revision.getReportId(), revision));
	}

	private PublishedRecord awaited(CompletableFuture<SendResult<String, ReportRevision>> future, long deadline) {
		try {
			long remaining = Math.max(0, deadline - System.nanoTime());
			RecordMetadata metadata = future.get(remaining, TimeUnit.NANOSECONDS).getRecordMetadata();
			return new PublishedRecord(metadata.topic(), metadata.partition(), metadata.offset());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaUnavailableException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw unavailable(ex);
		}
	}

	private static Throwable failureOf(CompletableFuture<?> future) {
		try {
			future.join();
			return null;
		}
		catch (CompletionException | CancellationException ex) {
			return ex;
		}
	}

	private KafkaUnavailableException unavailable(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		if (cause instanceof SerializationException) {
			throw new IllegalStateException("Cannot encode a valid revision", cause);
		}
		this.findingsTopic.ensureSoon();
		return new KafkaUnavailableException("Kafka did not acknowledge the report (" + describe(cause) + ")", ex);
	}

	private static String describe(Throwable cause) {
		return (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "no answer";
	}

}
