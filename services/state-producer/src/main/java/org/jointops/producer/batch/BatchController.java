package org.jointops.producer.batch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jointops.catalogue.Violation;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.ingest.IngestMetrics;
import org.jointops.producer.ingest.IngestProblemHandler;
import org.jointops.producer.ingest.ReportController;
import org.jointops.producer.security.AgencyPrincipal;
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
	ResponseEntity<BatchResponse> submit(
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
			@RequestBody(required = false) byte[] body,
			@RequestParam(name = ReportController.DRY_RUN, defaultValue = "false") boolean dryRun,
			@AuthenticationPrincipal AgencyPrincipal caller) {
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
