package org.jointops.support.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The services' security refusals as problem details: 401 with
 * {@code WWW-Authenticate: Bearer} (and the failure counted), 403 when a role does not
 * reach an endpoint.
 */
public class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** Problem type of a 401: no token, or a malformed or unknown one. */
	public static final URI UNAUTHENTICATED = URI.create("urn:jointops:problem:unauthenticated");

	/** Problem type of a 403: the holder's role does not reach the endpoint. */
	public static final URI FORBIDDEN = URI.create("urn:jointops:problem:forbidden");

	private final JsonMapper json;

	private final AuthenticationFailures failures;

	private final String holder;

	/**
	 * Creates the problem writer of one service.
	 * @param json writes the problems
	 * @param failures counts and logs failed logins
	 * @param holder who holds the tokens, for messages: {@code agency} or {@code reader}
	 */
	public BearerProblems(JsonMapper json, AuthenticationFailures failures, String holder) {
		this.json = json;
		this.failures = failures;
		this.holder = holder;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.failures.failed("missing", request);
		unauthorized(response, "Send the " + this.holder + "'s API token: 'Authorization: Bearer <token>'");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"This " + this.holder + "'s role does not reach " + request.getRequestURI());
		problem.setType(FORBIDDEN);
		problem.setTitle("Forbidden");
		write(response, HttpStatus.FORBIDDEN, problem);
	}

	/**
	 * Answers 401.
	 * @param response the response
	 * @param detail what is wrong with the credentials (never the credentials)
	 * @throws IOException if the answer cannot be written
	 */
	public void unauthorized(HttpServletResponse response, String detail) throws IOException {
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
