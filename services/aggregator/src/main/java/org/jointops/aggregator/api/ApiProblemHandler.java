package org.jointops.aggregator.api;

import java.net.URI;

import org.jointops.aggregator.query.CatchingUpException;
import org.jointops.aggregator.query.HistoryUnavailableException;
import org.jointops.aggregator.query.InvalidQueryException;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.security.ForbiddenException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the secretariat's API as RFC 9457 problem details.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	static final URI UNKNOWN_OPERATION = URI.create("urn:jointops:problem:unknown-operation");

	static final URI TOTALS_UNAVAILABLE = URI.create("urn:jointops:problem:totals-unavailable");

	static final URI INVALID_QUERY = URI.create("urn:jointops:problem:invalid-query");

	static final URI HISTORY_UNAVAILABLE = URI.create("urn:jointops:problem:history-unavailable");

	/** Seconds a client should wait before asking again after a 503. */
	static final int RETRY_AFTER_SECONDS = 2;

	@ExceptionHandler
	ResponseEntity<Object> unknownOperation(UnknownOperationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(UNKNOWN_OPERATION);
		problem.setTitle("Unknown operation");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> forbidden(ForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(ForbiddenException.TYPE);
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidQuery(InvalidQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(INVALID_QUERY);
		problem.setTitle("Invalid query");
		problem.setProperty("errors", ex.problems());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> historyUnavailable(HistoryUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(HISTORY_UNAVAILABLE);
		problem.setTitle("History unavailable");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> totalsUnavailable(TotalsUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(TOTALS_UNAVAILABLE);
		problem.setTitle("Totals unavailable");
		if (ex instanceof CatchingUpException catchingUp) {
			problem.setProperty("catchingUp", true);
			if (catchingUp.lag().records() != null) {
				problem.setProperty("catchingUpWith", catchingUp.lag().stage());
				problem.setProperty("recordsBehind", catchingUp.lag().records());
			}
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(problem);
	}

}
