package org.jointops.producer.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.publish.PublishedRecord;
import org.jointops.producer.publish.ReportPublisher;
import org.jointops.producer.security.AgencyPrincipal;
import org.jointops.report.ReportRevision;
import org.jointops.support.openapi.ApiDescriptions;
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
@Tag(name = ReportController.TAG)
public class ReportController {

	/** The tag of the producer's operations in the API description. */
	public static final String TAG = "reports";

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
	 * Accepts one report revision: 202 once the broker has it, 400, 403 or 409 with the
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
	@Operation(operationId = "submitReport", summary = "Submit one report revision", description = """
			Answers once the broker has the revision (202) or could not take it (503), within about \
			10 s. The pair (`reportId`, `revision`) is the idempotency key: after a 503, a time-out or a \
			broken connection, send exactly the same revision again; if an earlier attempt reached Kafka, \
			it still counts once. Never resend a 4xx unchanged. A correction is the whole report with the \
			next revision; a withdrawal is the next revision with `withdrawn: true`.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = { @ExampleObject(name = "first submission", value = ReportExamples.FIRST),
									@ExampleObject(name = "correction", value = ReportExamples.CORRECTION),
									@ExampleObject(name = "withdrawal", value = ReportExamples.WITHDRAWAL) })))
	@ApiResponse(responseCode = "200",
			description = "Dry run only: the revision is valid and would have been "
					+ "accepted as shown. Nothing was sent.",
			content = @Content(schema = @Schema(implementation = ReportChecked.class),
					examples = @ExampleObject(name = "dry run", value = ReportExamples.CHECKED)))
	@ApiResponse(responseCode = "202",
			description = "Accepted: the broker has the revision (`acks=all`, idempotent producer). A revision "
					+ "higher than the report's withdrawal brings the report back and says so in `notice`.",
			content = @Content(schema = @Schema(implementation = ReportAccepted.class),
					examples = { @ExampleObject(name = "accepted", value = ReportExamples.ACCEPTED),
							@ExampleObject(name = "brings a withdrawn report back", value = ReportExamples.BACK) }))
	@ApiResponse(responseCode = "400",
			description = "Invalid: `errors` names each offending field and the reason "
					+ "(`body` when the body as a whole is not one JSON object; `dryRun` when it is neither true nor "
					+ "false). Nothing was published.",
			content = @Content(mediaType = ApiDescriptions.PROBLEM_JSON,
					examples = { @ExampleObject(name = "rules broken", value = ReportExamples.INVALID),
							@ExampleObject(name = "misspelt field", value = ReportExamples.UNKNOWN_FIELD) }))
	@ApiResponse(responseCode = "403",
			description = "The revision names another state (field `state`) or "
					+ "another agency than the token's (`agency`), or revises a report another agency sent first "
					+ "(`reportId`); or the token may not post reports (a monitoring token). Nothing was published.",
			content = @Content(mediaType = ApiDescriptions.PROBLEM_JSON,
					examples = @ExampleObject(name = "another agency", value = ReportExamples.NOT_YOURS)))
	@ApiResponse(responseCode = "409", description = "Type `urn:jointops:problem:stage-locked`: the state's figures "
			+ "for the revision's operation and stage are locked: submitted by the state (SUBMITTED, until the "
			+ "secretariat returns them) or accepted by the secretariat (ACCEPTED, final, until it reopens them with a "
			+ "recorded reason). Revisions and withdrawals alike; `submissionStatus` and `since` name the lock. Type "
			+ "`urn:jointops:problem:report-withdrawn`: the report was withdrawn at revision `withdrawnAtRevision` "
			+ "and this revision is not higher, so it would never count (sending that same withdrawal again is still "
			+ "202); a higher revision brings the report back, a new report id reports something else. Best effort: "
			+ "an instance may answer 202 for a moment before it has read another instance's withdrawal, and such a "
			+ "revision still does not count. A dry run answers the same. Nothing was published.",
			content = @Content(mediaType = ApiDescriptions.PROBLEM_JSON,
					examples = { @ExampleObject(name = "accepted stage", value = ReportExamples.LOCKED),
							@ExampleObject(name = "withdrawn report", value = ReportExamples.WITHDRAWN) }))
	@ApiResponse(responseCode = "413",
			description = "The body is longer than `jointops.max-body-size` (256 KB "
					+ "by default). A body whose `Content-Length` is already too long is refused unread; with "
					+ "`Expect: 100-continue`, before it is sent. Nothing was published.")
	@ApiResponse(responseCode = "415", description = "The body is not `application/json`.")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge the revision in time (or this "
			+ "producer has not yet read who sent which report). It may or may not have reached Kafka: send the "
			+ "same revision again after `Retry-After` seconds.",
			headers = @Header(name = "Retry-After", description = "Seconds to wait: 5",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = ApiDescriptions.PROBLEM_JSON,
					examples = @ExampleObject(name = "not acknowledged", value = ReportExamples.UNAVAILABLE)))
	ResponseEntity<?> submit(@Valid @RequestBody ReportRequest request,
			@Parameter(description = "`true`: check the revision as a submission would (fields, catalogue, "
					+ "state, agency) and answer 200 instead of 202, but send nothing to Kafka.") @RequestParam(
							name = DRY_RUN, defaultValue = "false") boolean dryRun,
			@Parameter(hidden = true) @AuthenticationPrincipal AgencyPrincipal caller) {
		ReportRevision revision = this.intake.accept(request, caller);
		String notice = this.intake.notice(revision).orElse(null);
		if (dryRun) {
			this.metrics.checked();
			return ResponseEntity.ok(ReportChecked.of(revision, this.topic, notice));
		}
		PublishedRecord record = this.publisher.publish(revision);
		this.intake.published(revision);
		this.metrics.accepted();
		logger.info("Accepted {}/{} revision {} of {} for {} stage {}: {}-{}@{}", revision.getState(),
				revision.getReportId(), revision.getRevision(), revision.getAgency(), revision.getOperation(),
				revision.getStage(), record.topic(), record.partition(), record.offset());
		return ResponseEntity.accepted().body(ReportAccepted.of(revision, record, notice));
	}

}
