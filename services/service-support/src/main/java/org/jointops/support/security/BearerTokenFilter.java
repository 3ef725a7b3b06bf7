package org.jointops.support.security;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} with an API token (a JWT is the resource
 * server's, see {@link StatelessBearerSecurity}): a known token authenticates its holder;
 * a wrong or malformed one is refused 401 at once (and counted). Without the header the
 * request goes on unauthenticated, for the open endpoints. Tokens are never taken from
 * the URL, so that they never end up in access logs or browser history.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final Function<String, Optional<Authentication>> tokens;

	private final BearerProblems problems;

	private final AuthenticationFailures failures;

	/**
	 * Creates a filter that authenticates with the given tokens.
	 * @param tokens the holder a token authenticates, with its authorities; empty if
	 * unknown
	 * @param problems writes the 401
	 * @param failures counts and logs failed logins
	 */
	BearerTokenFilter(Function<String, Optional<Authentication>> tokens, BearerProblems problems,
			AuthenticationFailures failures) {
		this.tokens = tokens;
		this.problems = problems;
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() == BEARER.length()) {
			this.failures.failed("malformed", request);
			this.problems.unauthorized(response, "The Authorization header must be 'Bearer <token>'");
			return;
		}
		String token = header.substring(BEARER.length()).trim();
		if (JwtIssuers.isJwt(token)) {
			// the resource server's: authenticated, or already refused
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> holder = this.tokens.apply(token);
		if (holder.isEmpty()) {
			this.failures.failed("unknown", request);
			this.problems.unauthorized(response, "The token is not known to this service");
			return;
		}
		SecurityContextHolder.setContext(new SecurityContextImpl(holder.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
