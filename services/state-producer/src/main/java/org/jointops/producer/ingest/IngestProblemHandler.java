package org.jointops.producer.ingest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jointops.catalogue.Violation;
import org.jointops.producer.publish.KafkaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem details. A refused report names each offending field
 * and the reason in {@code errors}: [{@code field}, {@code reason}].
 */
@RestControllerAdvice
class IngestProblemHandler extends ResponseEntityExceptionHandler {

	static final URI INVALID_REPORT = URI.create("urn:jointops:problem:invalid-report");

	static final URI FOREIGN_STATE = URI.create("urn:jointops:problem:foreign-state");

	static final URI KAFKA_UNAVAILABLE = URI.create("urn:jointops:problem:kafka-unavailable");

	/** Seconds a client should wait before retrying after a 503. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(IngestProblemHandler.class);

	private static final Map<Class<?>, String> EXPECTED = Map.of(Integer.class, "a whole number", int.class,
			"a whole number", java.math.BigDecimal.class, "a number", java.time.LocalDate.class, "a date as YYYY-MM-DD",
			String.class, "a string", Boolean.class, "true or false", List.class, "an array");

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
		logger.info("Refused a report of {}: {}", ex.requestedState(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(FOREIGN_STATE);
		problem.setTitle("Report of another state");
		problem.setProperty("errors", List
			.of(new Violation("state", "must be " + ex.ownState() + " on this service, found " + ex.requestedState())));
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> kafkaUnavailable(KafkaUnavailableException ex) {
		this.metrics.unavailable();
		logger.warn("Report not accepted: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The report was not " + "accepted: " + ex.getMessage()
						+ ". Retry with the same reportId and revision; a revision that "
						+ "arrives twice counts once.");
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
			.sorted(java.util.Comparator.comparing(Violation::field))
			.toList();
		return ResponseEntity.badRequest().headers(headers).body(invalid(violations));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().headers(headers).body(invalid(List.of(violationOf(ex))));
	}

	private ProblemDetail invalid(List<Violation> violations) {
		this.metrics.invalid();
		logger.info("Refused an invalid report: {}", violations.stream().map(Violation::field).toList());
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

	private static Violation violationOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new Violation(pathOf(unknown),
					"unknown field; the fields of a report are reportId, revision, "
							+ "state, agency, operation, stage, periodStart, periodEnd, withdrawn, findings (category, "
							+ "quantity, currency)");
		}
		if (cause instanceof InvalidFormatException format) {
			return new Violation(pathOf(format),
					"expected " + expected(format.getTargetType()) + ", found " + quoted(format.getValue()));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return new Violation(pathOf(mismatch),
					"expected " + expected(mismatch.getTargetType()) + ": " + firstLine(mismatch.getOriginalMessage()));
		}
		if (cause instanceof StreamReadException malformed) {
			String where = (malformed.getLocation() != null) ? " at line " + malformed.getLocation().getLineNr()
					+ ", column " + malformed.getLocation().getColumnNr() : "";
			return new Violation("",
					"the body is not well-formed JSON" + where + ": " + firstLine(malformed.getOriginalMessage()));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return new Violation(pathOf(jackson), firstLine(jackson.getOriginalMessage()));
		}
		return new Violation("", "the body must be one report as a JSON object");
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(Class<?> type) {
		return (type != null) ? EXPECTED.getOrDefault(type, "a " + type.getSimpleName()) : "another value";
	}

	private static String quoted(Object value) {
		return (value instanceof String) ? "\"" + value + "\"" : String.valueOf(value);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
