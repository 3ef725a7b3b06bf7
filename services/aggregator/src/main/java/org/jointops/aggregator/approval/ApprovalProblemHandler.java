package org.jointops.aggregator.approval;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused submission requests as RFC 9457 problem details.
 */
@RestControllerAdvice(assignableTypes = ApprovalController.class)
class ApprovalProblemHandler {

	/** A status change impossible from the current status (409). */
	static final URI INVALID_TRANSITION = URI.create("urn:jointops:problem:invalid-transition");

	/** A stage or member state the operation does not have (404). */
	static final URI UNKNOWN_SUBMISSION = URI.create("urn:jointops:problem:unknown-submission");

	/** A bad comment or If-Match (400). */
	static final URI INVALID_SUBMISSION_REQUEST = URI.create("urn:jointops:problem:invalid-submission-request");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidTransition(InvalidTransitionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(INVALID_TRANSITION);
		problem.setTitle("Invalid transition");
		problem.setProperty("action", ex.action());
		problem.setProperty("submissionStatus", ex.status());
		problem.setProperty("possible", ex.possible());
		problem.setProperty("currentVersion", ex.version());
		return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + ex.version() + "\"").body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidRequest(InvalidSubmissionRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		boolean unknown = ex.status() == HttpStatus.NOT_FOUND;
		problem.setType(unknown ? UNKNOWN_SUBMISSION : INVALID_SUBMISSION_REQUEST);
		problem.setTitle(unknown ? "Unknown submission" : "Invalid request");
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
