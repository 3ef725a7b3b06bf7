package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ingest.BodySizeLimitFilter.BodyTooLargeException;
import org.jointops.producer.publish.KafkaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
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
 * and the reason in {@code errors}: [{@code field}, {@code reason}]. What the client sent
 * is shown back shortened and without control characters ({@link Untrusted}).
 */
@RestControllerAdvice
class IngestProblemHandler extends ResponseEntityExceptionHandler {

	static final URI INVALID_REPORT = URI.create("urn:jointops:problem:invalid-report");

	static final URI FOREIGN_STATE = URI.create("urn:jointops:problem:foreign-state");

	static final URI TOO_LARGE = URI.create("urn:jointops:problem:too-large");

	static final URI KAFKA_UNAVAILABLE = URI.create("urn:jointops:problem:kafka-unavailable");

	/** Seconds a client should wait before retrying after a 503. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(IngestProblemHandler.class);

	/** The field named when the body as a whole is wrong (not JSON, not an object). */
	static final String WHOLE_BODY = "body";

	private static final String FIELDS = "the fields of a report are reportId, revision, state, agency, operation, "
			+ "stage, periodStart, periodEnd, withdrawn, findings (category, quantity, currency)";

	private static final Map<Class<?>, String> EXPECTED = Map.of(Integer.class, "a whole number", int.class,
			"a whole number", BigDecimal.class, "a number", LocalDate.class, "a date as YYYY-MM-DD", String.class,
			"a string", Boolean.class, "true or false", List.class, "an array", ReportRequest.FindingRequest.class,
			"a finding line as an object {category, quantity, currency}", ReportRequest.class,
			"one report as a JSON object");

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
		BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			this.metrics.invalid();
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The body is longer than " + tooLarge.limit() + " bytes; a report has at most "
							+ ReportRules.MAX_FINDINGS + " finding lines");
			problem.setType(TOO_LARGE);
			problem.setTitle("Report too large");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(problem);
		}
		return ResponseEntity.badRequest().headers(headers).body(invalid(List.of(violationOf(ex))));
	}

	private ProblemDetail invalid(List<Violation> violations) {
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

	private static Violation violationOf(HttpMessageNotReadableException ex) {
		JacksonException jackson = causeOf(ex, JacksonException.class);
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			return new Violation(pathOf(unknown), "unknown field; " + FIELDS);
		}
		if (jackson instanceof InvalidFormatException format) {
			return new Violation(pathOf(format), "expected " + expected(format.getTargetType()) + ", found "
					+ ((format.getValue() instanceof String text) ? Untrusted.quoted(text) : "another value"));
		}
		if (jackson instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			// Jackson's own message names Java types; the client is told what JSON was
			// expected
			return new Violation(pathOf(mismatch),
					"expected " + expected(mismatch.getTargetType()) + ", found " + found(mismatch));
		}
		if (jackson instanceof InputCoercionException coercion) {
			return new Violation(pathOf(coercion),
					"the number is out of range for " + expected(coercion.getTargetType()));
		}
		if (jackson instanceof StreamReadException malformed) {
			String where = (malformed.getLocation() != null) ? " at line " + malformed.getLocation().getLineNr()
					+ ", column " + malformed.getLocation().getColumnNr() : "";
			return new Violation(pathOf(malformed),
					"the body is not well-formed JSON" + where + ": " + firstLine(malformed.getOriginalMessage()));
		}
		if (jackson != null && !jackson.getPath().isEmpty()) {
			return new Violation(pathOf(jackson), firstLine(jackson.getOriginalMessage()));
		}
		return new Violation(WHOLE_BODY, "the body must be one report as a JSON object");
	}

	/** Where in the report the problem is, e.g. {@code findings[1].quantity}. */
	private static String pathOf(JacksonException ex) {
		Deque<String> parts = new ArrayDeque<>();
		if (!ex.getPath().isEmpty()) {
			ex.getPath()
				.forEach((reference) -> parts.add((reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]"));
		}
		else if (ex instanceof StreamReadException streamRead && streamRead.processor() != null) {
			for (TokenStreamContext context = streamRead.processor().streamReadContext(); context != null
					&& !context.inRoot(); context = context.getParent()) {
				if (context.inArray()) {
					parts.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
				}
				else if (context.currentName() != null) {
					parts.addFirst(context.currentName());
				}
			}
		}
		StringBuilder path = new StringBuilder();
		for (String part : parts) {
			if (!path.isEmpty() && !part.startsWith("[")) {
				path.append('.');
			}
			path.append(part);
		}
		return path.isEmpty() ? WHOLE_BODY : Untrusted.shortened(path.toString());
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String expected(Class<?> type) {
		return (type != null) ? EXPECTED.getOrDefault(type, "a " + type.getSimpleName()) : "another value";
	}

	/** What the client sent where something else was expected, in JSON's words. */
	private static String found(JacksonException ex) {
		JsonToken token = (ex.processor() instanceof JsonParser parser) ? parser.currentToken() : null;
		if (token == null) {
			return "another value";
		}
		return switch (token) {
			case START_ARRAY, END_ARRAY -> "an array";
			case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "true or false";
			case VALUE_NULL -> "null";
			default -> "another value";
		};
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
