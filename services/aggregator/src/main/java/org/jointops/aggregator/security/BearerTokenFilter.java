package org.jointops.aggregator.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: a reader's token authenticates it, with the
 * authority {@code ROLE_<role>}; a wrong or malformed one is refused 401 at once. Without
 * the header the request goes on unauthenticated (only health, the API description and
 * the dashboard's static files let it through). Tokens are never taken from the URL, so
 * that they never end up in access logs or browser history.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ReaderTokens tokens;

	private final ProblemEntryPoint entryPoint;

	private final AuthenticationFailures failures;

	BearerTokenFilter(ReaderTokens tokens, ProblemEntryPoint entryPoint, AuthenticationFailures failures) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
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
			this.entryPoint.unauthorized(response, "The Authorization header must be 'Bearer <token>'");
			return;
		}
		Optional<ReaderPrincipal> reader = this.tokens.authenticate(header.substring(BEARER.length()).trim());
		if (reader.isEmpty()) {
			this.failures.failed("unknown", request);
			this.entryPoint.unauthorized(response, "The token is not one of this aggregator's readers");
			return;
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(reader.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + reader.get().role())));
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
