package org.jointops.producer.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 as problem details, with {@code WWW-Authenticate: Bearer}.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint {

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
		unauthorized(response, "Send the agency's API token: 'Authorization: Bearer <token>'");
	}

	void unauthorized(HttpServletResponse response, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(UNAUTHENTICATED);
		problem.setTitle("Unauthenticated");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jointops\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
