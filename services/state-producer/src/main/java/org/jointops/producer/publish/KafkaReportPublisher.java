package org.jointops.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.jointops.support.wire.RegistryFailures;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes to the state's findings topic, keyed by report id, and returns only once the
 * broker has acknowledged the record (acks=all, idempotent producer). The first revision
 * of a report is sent only once its report id is reserved for its agency
 * ({@link ReportClaims}), within the same {@code jointops.publish-timeout}: if that took
 * so long that the producer could no longer give up on its own before the request does,
 * the revision is not sent (503; the retry finds the report id reserved and sends it at
 * once), so that a 503 still never leaves a record in flight.
 */
@Component
class KafkaReportPublisher implements ReportPublisher {

	private final KafkaTemplate<String, ReportRevision> template;

	private final Duration timeout;

	private final Duration producerBound;

	private final FindingsTopic findingsTopic;

	private final ReportClaims claims;

	KafkaReportPublisher(KafkaTemplate<String, ReportRevision> template, ProducerProperties properties,
			FindingsTopic findingsTopic, ReportClaims claims) {
		this.template = template;
		this.findingsTopic = findingsTopic;
		this.claims = claims;
		this.timeout = properties.publishTimeout();
		this.producerBound = PublishingConfiguration
			.producerBound(template.getProducerFactory().getConfigurationProperties());
	}

	@Override
	public PublishedRecord publish(ReportRevision revision) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		String owner = this.claims.claim(List.of(revision), remaining(deadline)).get(revision.getReportId());
		if (owner != null) {
			throw new NotTheOwnerException(revision.getReportId(), owner);
		}
		checkTimeLeft(deadline);
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
	 * {@code max.block.ms}) stops the rest from being attempted. The report ids of new
	 * reports are reserved first, all together; if that fails, nothing is sent.
	 */
	@Override
	public List<PublishOutcome> publishAll(List<ReportRevision> revisions) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Map<String, String> owners;
		try {
			owners = this.claims.claim(revisions, remaining(deadline));
			checkTimeLeft(deadline);
		}
		catch (KafkaUnavailableException ex) {
			return revisions.stream().map((revision) -> PublishOutcome.failed(ex)).toList();
		}
		List<ReportRevision> sendable = revisions.stream()
			.filter((revision) -> !owners.containsKey(revision.getReportId()))
			.toList();
		Iterator<PublishOutcome> sent = send(sendable, deadline).iterator();
		List<PublishOutcome> outcomes = new ArrayList<>(revisions.size());
		for (ReportRevision revision : revisions) {
			String owner = owners.get(revision.getReportId());
			outcomes.add((owner != null) ? PublishOutcome.ownedBy(owner) : sent.next());
		}
		return outcomes;
	}

	private List<PublishOutcome> send(List<ReportRevision> revisions, long deadline) {
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

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	/**
	 * Checks that the producer still gives up on its own before the request does.
	 * @param deadline when the request gives up
	 * @throws KafkaUnavailableException if it would not: nothing is sent
	 */
	private void checkTimeLeft(long deadline) {
		Duration left = remaining(deadline);
		if (left.compareTo(this.producerBound) < 0) {
			throw new KafkaUnavailableException(
					"reserving the report id took " + this.timeout.minus(left).toMillis()
							+ " ms, too long to send the report within "
							+ "jointops.publish-timeout; it was not sent (the report id is reserved for its agency)",
					null);
		}
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

	/**
	 * What a failure to send means for the report: Kafka or the schema registry
	 * unavailable (503, retry), or a revision that cannot be encoded (500).
	 * @param ex why the send failed
	 * @return the report was not accepted, and a retry may succeed
	 * @throws IllegalStateException if the revision cannot be encoded: the serializer
	 * refused it, and not because the registry or the way to it failed
	 * ({@link RegistryFailures})
	 */
	private KafkaUnavailableException unavailable(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		SerializationException encoding = encodingFailure(ex);
		if (encoding != null) {
			if (!RegistryFailures.isTransient(encoding)) {
				throw new IllegalStateException("Cannot encode a valid revision", encoding);
			}
			return new KafkaUnavailableException("the schema registry failed (" + describe(cause) + ")", ex);
		}
		this.findingsTopic.ensureSoon();
		return new KafkaUnavailableException("Kafka did not acknowledge the report (" + describe(cause) + ")", ex);
	}

	private static SerializationException encodingFailure(Throwable ex) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = ex; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof SerializationException encoding) {
				return encoding;
			}
		}
		return null;
	}

	private static String describe(Throwable cause) {
		return (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "no answer";
	}

}
