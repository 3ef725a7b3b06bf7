package org.jointops.producer.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.ingest.ForbiddenReportException;
import org.jointops.producer.ingest.ForeignStateException;
import org.jointops.producer.ingest.IngestMetrics;
import org.jointops.producer.ingest.InvalidReportException;
import org.jointops.producer.ingest.ReportIntake;
import org.jointops.producer.ingest.ReportRequest;
import org.jointops.producer.ingest.ReportWithdrawnException;
import org.jointops.producer.ingest.StageLockedException;
import org.jointops.producer.publish.KafkaUnavailableException;
import org.jointops.producer.publish.PublishOutcome;
import org.jointops.producer.publish.ReportPublisher;
import org.jointops.producer.security.AgencyPrincipal;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks every report of a batch by the same rules as a single report, then sends the
 * valid ones together (unless it is a dry run). Each report gets its own result; a
 * refused one never holds up the others.
 */
@Component
class BatchSubmission {

	private static final Logger logger = LoggerFactory.getLogger(BatchSubmission.class);

	private final ReportIntake intake;

	private final Validator validator;

	private final ReportPublisher publisher;

	private final IngestMetrics metrics;

	private final String topic;

	BatchSubmission(ReportIntake intake, Validator validator, ReportPublisher publisher, IngestMetrics metrics,
			ProducerProperties properties) {
		this.intake = intake;
		this.validator = validator;
		this.publisher = publisher;
		this.metrics = metrics;
		this.topic = Topics.findings(properties.state());
	}

	BatchResponse submit(List<BatchItem> items, boolean dryRun, AgencyPrincipal caller) {
		BatchResult[] results = new BatchResult[items.size()];
		List<BatchItem> valid = new ArrayList<>();
		List<ReportRevision> revisions = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<Integer, String> notices = new HashMap<>();
		for (BatchItem item : items) {
			BatchResult refused = check(item, caller, seen, valid, revisions);
			if (refused == null) {
				this.intake.notice(revisions.get(revisions.size() - 1))
					.ifPresent((notice) -> notices.put(item.index(), notice));
			}
			if (refused != null) {
				results[item.index()] = refused;
			}
		}
		if (dryRun) {
			for (int i = 0; i < valid.size(); i++) {
				this.metrics.checked();
				results[valid.get(i).index()] = result(valid.get(i), BatchResult.Outcome.VALID, HttpStatus.OK,
						revisions.get(i), null, null, notices.get(valid.get(i).index()));
			}
		}
		else {
			List<PublishOutcome> outcomes = this.publisher.publishAll(revisions);
			for (int i = 0; i < valid.size(); i++) {
				results[valid.get(i).index()] = published(valid.get(i), revisions.get(i), outcomes.get(i),
						notices.get(valid.get(i).index()));
			}
		}
		return BatchResponse.of(dryRun, List.of(results));
	}

	/**
	 * The result of a refused report, or null if it is valid (then added to both lists).
	 * @param item the report as read
	 * @param caller the agency that posted the batch
	 * @param seen the index of the first report of the batch with each report id and
	 * revision
	 * @param valid the valid reports so far
	 * @param revisions the revisions of the valid reports so far
	 * @return the result if the report is refused, or null
	 */
	private BatchResult check(BatchItem item, AgencyPrincipal caller, Map<String, Integer> seen, List<BatchItem> valid,
			List<ReportRevision> revisions) {
		if (item.request() == null) {
			return refused(item, HttpStatus.BAD_REQUEST, item.errors());
		}
		List<Violation> violations = constraintViolations(item.request());
		if (!violations.isEmpty()) {
			return refused(item, HttpStatus.BAD_REQUEST, item.located(violations));
		}
		ReportRevision revision;
		try {
			revision = this.intake.accept(item.request(), caller);
		}
		catch (ForeignStateException ex) {
			return refused(item, HttpStatus.FORBIDDEN, item.located(List.of(new Violation("state", "must be "
					+ ex.ownState() + " on this service, found " + Untrusted.shortened(ex.requestedState())))));
		}
		catch (InvalidReportException ex) {
			return refused(item, HttpStatus.BAD_REQUEST, item.located(ex.violations()));
		}
		catch (ForbiddenReportException ex) {
			return refused(item, HttpStatus.FORBIDDEN, item.located(List.of(ex.violation())));
		}
		catch (StageLockedException ex) {
			return refused(item, HttpStatus.CONFLICT, item.located(List.of(ex.violation())));
		}
		catch (ReportWithdrawnException ex) {
			this.metrics.withdrawn();
			return rejected(item, HttpStatus.CONFLICT, item.located(List.of(ex.violation())));
		}
		catch (KafkaUnavailableException ex) {
			return unavailable(item, item.reportId(), item.revision(), ex);
		}
		Integer earlier = seen.putIfAbsent(revision.getReportId() + '\u0000' + revision.getRevision(), item.index());
		if (earlier != null) {
			return refused(item, HttpStatus.BAD_REQUEST,
					item.located(List.of(new Violation("revision", "revision " + revision.getRevision() + " of "
							+ revision.getReportId() + " is already report " + earlier
							+ " of this batch; a revision is sent once, a correction takes the next revision"))));
		}
		valid.add(item);
		revisions.add(revision);
		return null;
	}

	private List<Violation> constraintViolations(ReportRequest request) {
		Set<ConstraintViolation<ReportRequest>> violations = this.validator.validate(request);
		return violations.stream()
			.map((violation) -> new Violation(fieldOf(violation), violation.getMessage()))
			.sorted(Comparator.comparing(Violation::field))
			.toList();
	}

	/**
	 * As Spring names it for a single report: {@code findings[0]}, not
	 * {@code findings[0].<list element>}.
	 * @param violation a violation of a constraint
	 * @return the path of the offending field
	 */
	private static String fieldOf(ConstraintViolation<?> violation) {
		return violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
	}

	private BatchResult refused(BatchItem item, HttpStatus status, List<Violation> errors) {
		if (status == HttpStatus.FORBIDDEN) {
			this.metrics.forbidden();
		}
		else if (status == HttpStatus.CONFLICT) {
			this.metrics.locked();
		}
		else {
			this.metrics.invalid();
		}
		return rejected(item, status, errors);
	}

	private BatchResult rejected(BatchItem item, HttpStatus status, List<Violation> errors) {
		logger.info("Refused report {} of a batch ({}): {}", item.index(), status.value(),
				errors.stream().map((violation) -> Untrusted.shortened(violation.field())).toList());
		return new BatchResult(item.index(), item.lines(), item.reportId(), item.revision(),
				BatchResult.Outcome.REJECTED, status.value(), null, null, null, null, null, errors, null, null);
	}

	private BatchResult published(BatchItem item, ReportRevision revision, PublishOutcome outcome, String notice) {
		if (outcome.isOwnedByAnother()) {
			return refused(item, HttpStatus.FORBIDDEN, item.located(
					List.of(ForbiddenReportException.notOwner(revision.getReportId(), outcome.owner()).violation())));
		}
		if (!outcome.isStored()) {
			return unavailable(item, revision.getReportId(), revision.getRevision(), outcome.failure());
		}
		this.intake.published(revision);
		this.metrics.accepted();
		logger.info("Accepted {}/{} revision {} of {} for {} stage {} in a batch: {}-{}@{}", revision.getState(),
				revision.getReportId(), revision.getRevision(), revision.getAgency(), revision.getOperation(),
				revision.getStage(), outcome.record().topic(), outcome.record().partition(), outcome.record().offset());
		return new BatchResult(item.index(), item.lines(), revision.getReportId(), revision.getRevision(),
				BatchResult.Outcome.ACCEPTED, HttpStatus.ACCEPTED.value(), revision.getState(),
				outcome.record().topic(), outcome.record().partition(), outcome.record().offset(),
				revision.getSubmittedAt(), null, null, notice);
	}

	private BatchResult unavailable(BatchItem item, String reportId, Integer revision,
			KafkaUnavailableException failure) {
		this.metrics.unavailable();
		logger.warn("Report {} of a batch not accepted: {}", item.index(), failure.getMessage());
		return new BatchResult(item.index(), item.lines(), reportId, revision, BatchResult.Outcome.UNAVAILABLE,
				HttpStatus.SERVICE_UNAVAILABLE.value(), null, null, null, null, null, null,
				"Not accepted (" + failure.getMessage() + "); it may or may not have reached Kafka. Send it again "
						+ "with the same reportId and revision: a revision that arrives twice counts once.",
				null);
	}

	private BatchResult result(BatchItem item, BatchResult.Outcome outcome, HttpStatus status, ReportRevision revision,
			Integer partition, Long offset, String notice) {
		return new BatchResult(item.index(), item.lines(), revision.getReportId(), revision.getRevision(), outcome,
				status.value(), revision.getState(), this.topic, partition, offset, revision.getSubmittedAt(), null,
				null, notice);
	}

}
