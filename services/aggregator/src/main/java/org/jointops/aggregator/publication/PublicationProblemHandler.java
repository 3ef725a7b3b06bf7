package org.jointops.aggregator.publication;

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
 * Publications that cannot be read or made, as RFC 9457 problem details: 404 for an
 * operation not published yet (or a number it does not have), 409 for a publication that
 * would show nothing new (with the one that does as {@code Location}), 412 for an
 * {@code If-Match} that names no version, 503 for a snapshot not here yet.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicationProblemHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(PublicationProblem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ex.type());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, "2");
		}
		if (ex.status() == HttpStatus.CONFLICT) {
			answer.location(URI.create("/api/v1/operations/" + ex.properties().get("operation") + "/publications/"
					+ ex.properties().get("publication")));
		}
		return answer.body(problem);
	}

}
