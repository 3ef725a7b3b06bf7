package org.jointops.producer.ingest;

import jakarta.validation.Valid;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.publish.PublishedRecord;
import org.jointops.producer.publish.ReportPublisher;
import org.jointops.producer.security.AgencyPrincipal;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where agencies post their reports.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

	/** The query parameter asking to validate only. */
	public static final String DRY_RUN = "dryRun";

	private static final Logger logger = LoggerFactory.getLogger(ReportController.class);

	private final ReportIntake intake;

	private final ReportPublisher publisher;

	private final IngestMetrics metrics;

	private final String topic;

	ReportController(ReportIntake intake, ReportPublisher publisher, IngestMetrics metrics,
			ProducerProperties properties) {
		this.intake = intake;
		this.publisher = publisher;
		this.metrics = metrics;
		this.topic = Topics.findings(properties.state());
	}

	/**
	 * Accepts one report revision: 202 once the broker has it, 400 or 403 with the
	 * reasons if it is refused, 503 if Kafka cannot take it now. With
	 * {@code dryRun=true}: 200 if it would be accepted, the same refusals otherwise, and
	 * nothing is sent.
	 * @param request the report revision
	 * @param dryRun whether to check the report only, without sending it
	 * @param caller the agency that posts it
	 * @return 202 with where the broker stored the record, or, in a dry run, 200 with the
	 * revision as it would have been sent
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> submit(@Valid @RequestBody ReportRequest request,
			@RequestParam(name = DRY_RUN, defaultValue = "false") boolean dryRun,
			@AuthenticationPrincipal AgencyPrincipal caller) {
		ReportRevision revision = this.intake.accept(request, caller);
		if (dryRun) {
			this.metrics.checked();
			return ResponseEntity.ok(ReportChecked.of(revision, this.topic));
		}
		PublishedRecord record = this.publisher.publish(revision);
		this.metrics.accepted();
		logger.info("Accepted {}/{} revision {} of {} for {} stage {}: {}-{}@{}", revision.getState(),
				revision.getReportId(), revision.getRevision(), revision.getAgency(), revision.getOperation(),
				revision.getStage(), record.topic(), record.partition(), record.offset());
		return ResponseEntity.accepted().body(ReportAccepted.of(revision, record));
	}

}
