package org.jointops.aggregator.admin;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API's refusals as RFC 9457 problem details, as the rest of the API.
 */
@RestControllerAdvice(assignableTypes = CatalogueAdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblemHandler {

	static final URI INVALID_CHANGE = URI.create("urn:jointops:problem:invalid-catalogue-change");

	static final URI UNKNOWN_ENTRY = URI.create("urn:jointops:problem:unknown-catalogue-entry");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidChangeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The change is refused, nothing was written: " + ex.getMessage());
		problem.setType(INVALID_CHANGE);
		problem.setTitle("Invalid catalogue change");
		problem.setProperty("errors", ex.problems());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknown(UnknownEntryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(UNKNOWN_ENTRY);
		problem.setTitle("Unknown catalogue entry");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ChangeRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(URI.create(ex.type()));
		problem.setTitle(switch (ex.status()) {
			case PRECONDITION_FAILED -> "Catalogue version mismatch";
			case CONFLICT -> "Concurrent catalogue change";
			default -> "Catalogue unavailable";
		});
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.currentVersion() >= 0) {
			problem.setProperty("currentVersion", ex.currentVersion());
			answer.eTag("\"" + ex.currentVersion() + "\"");
		}
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, "2");
		}
		return answer.body(problem);
	}

}
