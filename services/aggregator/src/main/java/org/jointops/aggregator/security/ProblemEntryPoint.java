package org.jointops.aggregator.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 as problem details, with {@code WWW-Authenticate: Bearer}; and 403 (a reader's role
 * does not reach the endpoint) as problem details too.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final URI UNAUTHENTICATED = URI.create("urn:jointops:problem:unauthenticated");

	private final JsonMapper json;

	private final AuthenticationFailures failures;

	ProblemEntryPoint(JsonMapper json, AuthenticationFailures failures) {
		this.json = json;
		this.failures = failures;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.failures.failed("missing", request);
		unauthorized(response, "Send the reader's API token: 'Authorization: Bearer <token>'");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"This reader's role does not reach " + request.getRequestURI());
		problem.setType(ForbiddenException.TYPE);
		problem.setTitle("Forbidden");
		write(response, HttpStatus.FORBIDDEN, problem);
	}

	void unauthorized(HttpServletResponse response, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(UNAUTHENTICATED);
		problem.setTitle("Unauthenticated");
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jointops\"");
		write(response, HttpStatus.UNAUTHORIZED, problem);
	}

	private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
