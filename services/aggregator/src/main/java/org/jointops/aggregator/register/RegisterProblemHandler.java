package org.jointops.aggregator.register;

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
 * Refused register changes as RFC 9457 problem details, with the register's current
 * version ({@code currentVersion}, and as the {@code ETag}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegisterProblemHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RegisterChangeRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(URI.create(ex.type()));
		problem.setTitle(switch (ex.status()) {
			case PRECONDITION_FAILED -> "Register version mismatch";
			case CONFLICT -> "Concurrent register change";
			default -> "Register unavailable";
		});
		problem.setProperty("currentVersion", ex.currentVersion());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status()).eTag("\"" + ex.currentVersion() + "\"");
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, "2");
		}
		return answer.body(problem);
	}

}
