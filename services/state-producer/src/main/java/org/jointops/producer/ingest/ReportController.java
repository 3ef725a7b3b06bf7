package org.jointops.producer.ingest;

import jakarta.validation.Valid;
import org.jointops.producer.publish.PublishedRecord;
import org.jointops.producer.publish.ReportPublisher;
import org.jointops.report.ReportRevision;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where agencies post their reports.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

	private final ReportIntake intake;

	private final ReportPublisher publisher;

	ReportController(ReportIntake intake, ReportPublisher publisher) {
		this.intake = intake;
		this.publisher = publisher;
	}

	/**
	 * Accepts one report revision: 202 once the broker has it, 400 or 403 with the
	 * reasons if it is refused, 503 if Kafka cannot take it now.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReportAccepted> submit(@Valid @RequestBody ReportRequest request) {
		ReportRevision revision = this.intake.accept(request);
		PublishedRecord record = this.publisher.publish(revision);
		return ResponseEntity.accepted().body(ReportAccepted.of(revision, record));
	}

}
