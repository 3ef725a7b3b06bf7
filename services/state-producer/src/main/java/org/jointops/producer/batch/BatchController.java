package org.jointops.producer.batch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.ingest.IngestMetrics;
import org.jointops.producer.ingest.IngestProblemHandler;
import org.jointops.producer.ingest.ReportController;
import org.jointops.producer.ingest.ReportRequest;
import org.jointops.producer.security.AgencyPrincipal;
import org.jointops.support.openapi.ApiDescriptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where agencies post many reports at once: a JSON array of reports, or CSV with one
 * finding per row. 200 with one result per report once the batch could be read (each
 * accepted with its offset, or rejected with its reasons); a batch that cannot be read at
 * all is refused whole (400, 413, 415). With {@code dryRun=true} nothing is sent.
 */
@RestController
class BatchController {

	/**
	 * The batch endpoint; the colon is a literal (a custom method, as in Google's
	 * AIP-136).
	 */
	static final String PATH = "/api/v1/reports:batch";

	/** {@code text/csv}. */
	static final String TEXT_CSV = "text/csv";

	private final BatchSubmission submission;

	private final JsonMapper mapper;

	private final ProducerProperties.Batch limits;

	private final IngestMetrics metrics;

	BatchController(BatchSubmission submission, JsonMapper mapper, ProducerProperties properties,
			IngestMetrics metrics) {
		this.submission = submission;
		this.mapper = mapper;
		this.limits = properties.batch();
		this.metrics = metrics;
	}

	@PostMapping(path = PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, TEXT_CSV },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "submitBatch", tags = ReportController.TAG, summary = "Submit many reports at once",
			description = """
					A JSON array of reports, each exactly as `POST /api/v1/reports` takes it, or CSV with one \
					finding per row. Each report is checked on its own by the same rules and gets its own result: \
					a bad report never blocks the good ones. The valid ones are then sent together, in the batch's \
					order, and the answer comes once the broker has acknowledged them (or not). Resend exactly \
					the reports marked `UNAVAILABLE`. The same revision of a report twice in one batch is refused \
					the second time. Not one transaction: accepted reports stay accepted whatever happens to the \
					others.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(
							schema = @Schema(implementation = ReportRequest.class), minItems = 1),
							examples = @ExampleObject(name = "two reports", value = BatchExamples.JSON)),
					@Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", description = """
							UTF-8 (a byte-order mark is allowed, another `charset` is 415). A header row names the \
							columns in any order: `reportId`, `revision`, `agency`, `operation`, `stage`, \
							`periodStart`, `periodEnd`, `category`, `quantity`, and optionally `state`, `withdrawn`, \
							`currency`. Then one finding per row; rows with the same `reportId` and `revision` make \
							one report, whose report columns must be the same on each of its rows. Empty `category` \
							and `quantity` add no line (a withdrawal, or a report that found nothing, is one such \
							row). RFC 4180 quoting; nothing is trimmed; a point for decimals, no thousands \
							separator. Problems are named `line N: column` (the header is line 1)."""),
							examples = @ExampleObject(name = "three rows, two reports", value = BatchExamples.CSV)) }))
	@ApiResponse(responseCode = "200", description = "The batch was read: one result per report, in order. "
			+ "Carries `Retry-After` when a report is `UNAVAILABLE`; once one report is not acknowledged, the rest "
			+ "are not attempted and are `UNAVAILABLE` too.",
			headers = @Header(name = "Retry-After",
					description = "Seconds to wait before sending the `UNAVAILABLE` reports again: 5",
					schema = @Schema(type = "integer")),
			content = @Content(schema = @Schema(implementation = BatchResponse.class),
					examples = @ExampleObject(name = "one accepted, one rejected", value = BatchExamples.ANSWER)))
	@ApiResponse(responseCode = "400", description = "The batch could not be read at all: not a well-formed JSON "
			+ "array, an empty batch, an unknown, missing or repeated CSV column, an unclosed quote, not UTF-8; or "
			+ "`dryRun` neither true nor false. Nothing was checked or sent; `errors` says where.",
			content = @Content(mediaType = ApiDescriptions.PROBLEM_JSON,
					examples = @ExampleObject(name = "a column twice", value = BatchExamples.UNREADABLE)))
	@ApiResponse(responseCode = "413",
			description = "Over a limit: `jointops.batch.max-reports` (1,000 reports by "
					+ "default), `jointops.batch.max-rows` (20,000 CSV rows after the header) or "
					+ "`jointops.batch.max-body-size` (8 MB). Nothing was checked or sent.")
	@ApiResponse(responseCode = "415",
			description = "Neither `application/json` nor `text/csv` (UTF-8). Nothing was checked or sent.")
	ResponseEntity<BatchResponse> submit(
			@Parameter(hidden = true) @RequestHeader(
					name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
			@RequestBody(required = false) byte[] body,
			@Parameter(description = "`true`: check every report as a submission would, and send none; valid "
					+ "reports are `VALID` instead of `ACCEPTED`.") @RequestParam(name = ReportController.DRY_RUN,
							defaultValue = "false") boolean dryRun,
			@Parameter(hidden = true) @AuthenticationPrincipal AgencyPrincipal caller) {
		byte[] content = (body != null) ? body : new byte[0];
		if (contentType != null && contentType.isCompatibleWith(MediaType.parseMediaType(TEXT_CSV))) {
			Charset charset = contentType.getCharset();
			if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
				throw new BatchRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
						"a CSV batch is UTF-8, found charset " + charset.name());
			}
			return answer(this.submission
				.submit(CsvBatch.read(content, this.limits.maxRows(), this.limits.maxReports()), dryRun, caller));
		}
		return answer(
				this.submission.submit(JsonBatch.read(this.mapper, content, this.limits.maxReports()), dryRun, caller));
	}

	private static ResponseEntity<BatchResponse> answer(BatchResponse response) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (response.unavailable() > 0) {
			ok.header(HttpHeaders.RETRY_AFTER, String.valueOf(IngestProblemHandler.RETRY_AFTER_SECONDS));
		}
		return ok.body(response);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(BatchRefusedException ex) {
		this.metrics.invalid();
		List<Violation> violations = ex.violations();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(),
				"The batch was not read, no report of it was checked or sent: "
						+ violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse(""));
		problem.setType((ex.status() == HttpStatus.CONTENT_TOO_LARGE) ? IngestProblemHandler.TOO_LARGE
				: IngestProblemHandler.INVALID_REQUEST);
		problem.setTitle((ex.status() == HttpStatus.CONTENT_TOO_LARGE) ? "Batch too large" : "Invalid batch");
		problem.setProperty("errors", violations);
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
