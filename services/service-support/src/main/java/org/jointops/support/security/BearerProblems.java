package org.jointops.support.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The services' security refusals as problem details: 401 with
 * {@code WWW-Authenticate: Bearer} (and the failure counted;
 * {@code error="invalid_token"} for a refused JWT), 403 when a role does not reach an
 * endpoint or a JWT's claims do not admit its holder (with the claim and the reason), 503
 * when a JWT's issuer's keys cannot be fetched.
 */
public class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** Problem type of a 401: no token, or a malformed or unknown one. */
	public static final URI UNAUTHENTICATED = URI.create("urn:jointops:problem:unauthenticated");

	/**
	 * Problem type of a 403: the holder's role does not reach the endpoint, or a JWT's
	 * claims do not admit its holder.
	 */
	public static final URI FORBIDDEN = URI.create("urn:jointops:problem:forbidden");

	/** Problem type of a 503: a JWT's issuer's keys cannot be fetched. */
	public static final URI ISSUER_UNAVAILABLE = URI.create("urn:jointops:problem:issuer-unavailable");

	private static final Logger logger = LoggerFactory.getLogger(BearerProblems.class);

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
		if (authException instanceof OAuth2AuthenticationException invalid) {
			this.failures.failed("invalid", request);
			String description = invalid.getError().getDescription();
			unauthorized(response,
					"The JWT is refused: " + ((description != null) ? description : invalid.getError().getErrorCode()),
					", error=\"invalid_token\"");
			return;
		}
		if (authException instanceof AuthenticationServiceException unavailable) {
			logger.warn("A JWT could not be checked: {}", unavailable.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The JWT could not be checked: its issuer's keys cannot be fetched now; try again later");
			problem.setType(ISSUER_UNAVAILABLE);
			problem.setTitle("Issuer unavailable");
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			write(response, HttpStatus.SERVICE_UNAVAILABLE, problem);
			return;
		}
		this.failures.failed("missing", request);
		unauthorized(response, "Send the " + this.holder + "'s API token or JWT: 'Authorization: Bearer <token>'");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ClaimsAuthentication jwt && jwt.refusal() != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"The JWT's claims do not admit its holder to this service: " + jwt.refusal().reason());
			problem.setType(FORBIDDEN);
			problem.setTitle("Forbidden");
			problem.setProperty("errors",
					List.of(Map.of("field", jwt.refusal().claim(), "reason", jwt.refusal().reason())));
			write(response, HttpStatus.FORBIDDEN, problem);
			return;
		}
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
		unauthorized(response, detail, "");
	}

	private void unauthorized(HttpServletResponse response, String detail, String error) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(UNAUTHENTICATED);
		problem.setTitle("Unauthenticated");
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jointops\"" + error);
		write(response, HttpStatus.UNAUTHORIZED, problem);
	}

	private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
