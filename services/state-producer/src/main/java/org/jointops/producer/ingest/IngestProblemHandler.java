package org.jointops.producer.ingest;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ingest.BodySizeLimitFilter.BodyTooLargeException;
import org.jointops.producer.publish.KafkaUnavailableException;
import org.jointops.producer.publish.NotTheOwnerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem details. A refused report names each offending field
 * and the reason in {@code errors}: [{@code field}, {@code reason}]. What the client sent
 * is shown back shortened and without control characters ({@link Untrusted}).
 */
@RestControllerAdvice
public class IngestProblemHandler extends ResponseEntityExceptionHandler {

	/** Problem type of a report that breaks the rules (400). */
	public static final URI INVALID_REPORT = URI.create("urn:jointops:problem:invalid-report");

	/**
	 * Problem type of a request that cannot be taken as it is: a bad parameter, or a
	 * batch that cannot be read (400).
	 */
	public static final URI INVALID_REQUEST = URI.create("urn:jointops:problem:invalid-request");

	static final URI FORBIDDEN = URI.create("urn:jointops:problem:forbidden");

	static final URI FOREIGN_STATE = URI.create("urn:jointops:problem:foreign-state");

	/** Problem type of a body over its size limit (413). */
	public static final URI TOO_LARGE = URI.create("urn:jointops:problem:too-large");

	/**
	 * Problem type of a revision or withdrawal for a submitted or accepted stage (409).
	 */
	public static final URI STAGE_LOCKED = URI.create("urn:jointops:problem:stage-locked");

	/**
	 * Problem type of a revision of a withdrawn report that is not higher than its
	 * withdrawal, so would never count (409).
	 */
	public static final URI REPORT_WITHDRAWN = URI.create("urn:jointops:problem:report-withdrawn");

	static final URI KAFKA_UNAVAILABLE = URI.create("urn:jointops:problem:kafka-unavailable");

	/** Seconds a client should wait before retrying after a 503. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(IngestProblemHandler.class);

	private final IngestMetrics metrics;

	IngestProblemHandler(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidReport(InvalidReportException ex) {
		return ResponseEntity.badRequest().body(invalid(ex.violations()));
	}

	@ExceptionHandler
	ResponseEntity<Object> foreignState(ForeignStateException ex) {
		this.metrics.forbidden();
		logger.info("Refused a report of another state: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(FOREIGN_STATE);
		problem.setTitle("Report of another state");
		problem.setProperty("errors", List.of(new Violation("state",
				"must be " + ex.ownState() + " on this service, found " + Untrusted.shortened(ex.requestedState()))));
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> forbidden(ForbiddenReportException ex) {
		this.metrics.forbidden();
		logger.info("Refused a report: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(FORBIDDEN);
		problem.setTitle("Not your report");
		problem.setProperty("errors", List.of(ex.violation()));
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> stageLocked(StageLockedException ex) {
		this.metrics.locked();
		logger.info("Refused a report for a locked stage: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(STAGE_LOCKED);
		problem.setTitle("Stage locked");
		problem.setProperty("operation", ex.operation());
		problem.setProperty("stage", ex.stage());
		problem.setProperty("state", ex.state());
		// not "status": RFC 9457 keeps it for the HTTP status
		problem.setProperty("submissionStatus", ex.status());
		problem.setProperty("since", ex.since());
		problem.setProperty("by", ex.by());
		problem.setProperty("errors", List.of(ex.violation()));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> reportWithdrawn(ReportWithdrawnException ex) {
		this.metrics.withdrawn();
		logger.info("Refused a revision of a withdrawn report: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(REPORT_WITHDRAWN);
		problem.setTitle("Report withdrawn");
		problem.setProperty("reportId", ex.reportId());
		problem.setProperty("withdrawnAtRevision", ex.withdrawnAtRevision());
		problem.setProperty("withdrawnAt", ex.withdrawnAt());
		problem.setProperty("errors", List.of(ex.violation()));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> notOwner(NotTheOwnerException ex) {
		return forbidden(ForbiddenReportException.notOwner(ex.reportId(), ex.owner()));
	}

	@ExceptionHandler
	ResponseEntity<Object> kafkaUnavailable(KafkaUnavailableException ex) {
		this.metrics.unavailable();
		logger.warn("Report not accepted: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The report was not acknowledged: " + ex.getMessage() + ". It may or may not have reached Kafka; "
						+ "retry with the same reportId and revision, a revision that arrives twice counts once.");
		problem.setType(KAFKA_UNAVAILABLE);
		problem.setTitle("Kafka unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Violation(error.getField(), reasonOf(error)))
			.sorted(Comparator.comparing(Violation::field))
			.toList();
		return ResponseEntity.badRequest().headers(headers).body(invalid(violations));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = JsonViolations.causeOf(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			this.metrics.invalid();
			boolean batch = request instanceof ServletWebRequest servlet
					&& servlet.getRequest().getRequestURI().endsWith(BodySizeLimitFilter.BATCH_SUFFIX);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The body is longer than " + tooLarge.limit() + " bytes; " + (batch ? "split the batch"
							: "a report has at most " + ReportRules.MAX_FINDINGS + " finding lines"));
			problem.setType(TOO_LARGE);
			problem.setTitle(batch ? "Batch too large" : "Report too large");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(problem);
		}
		return ResponseEntity.badRequest().headers(headers).body(invalid(List.of(JsonViolations.of(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String found = (ex.getValue() != null) ? Untrusted.quoted(ex.getValue().toString()) : "nothing";
		String expected = (ex.getRequiredType() == boolean.class || ex.getRequiredType() == Boolean.class)
				? "true or false" : "another value";
		ProblemDetail problem = invalid(List.of(new Violation(name, "expected " + expected + ", found " + found)));
		problem.setTitle("Invalid request");
		problem.setType(INVALID_REQUEST);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	ProblemDetail invalid(List<Violation> violations) {
		this.metrics.invalid();
		logger.info("Refused an invalid report: {}",
				violations.stream().map((violation) -> Untrusted.shortened(violation.field())).toList());
		String detail = (violations.size() == 1) ? violations.get(0).toString() : violations.size() + " problems: "
				+ violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_REPORT);
		problem.setTitle("Invalid report");
		problem.setProperty("errors", violations);
		return problem;
	}

	private static String reasonOf(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
