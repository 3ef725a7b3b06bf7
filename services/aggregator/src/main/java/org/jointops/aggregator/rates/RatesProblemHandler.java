package org.jointops.aggregator.rates;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.jointops.catalogue.Violation;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The rates API's refusals as RFC 9457 problem details, with {@code errors[{field,
 * reason}]} (a body that is not the JSON of a rate included).
 */
@RestControllerAdvice(assignableTypes = ExchangeRatesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RatesProblemHandler {

	static final URI INVALID_RATE = URI.create("urn:jointops:problem:invalid-exchange-rate");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidRateException ex) {
		return refused(ex.getMessage(), ex.problems());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = "body";
		if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
		}
		Violation violation = new Violation(field, "not the JSON of an exchange rate: {\"unitsPerUsd\": \"470.55\", "
				+ "\"kind\": \"PERIOD_AVERAGE\", \"source\": \"...\", \"effective\": \"2017-06-01\"}");
		return refused(violation.toString(), List.of(violation));
	}

	private static ResponseEntity<ProblemDetail> refused(String message, List<Violation> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The rate is refused, nothing was written: " + message);
		problem.setType(INVALID_RATE);
		problem.setTitle("Invalid exchange rate");
		problem.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(problem);
	}

}
