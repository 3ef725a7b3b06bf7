package org.jointops.producer.security;

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
 * {@code Authorization: Bearer <token>}: an agency's token authenticates it; a wrong or
 * malformed one is refused 401 at once. Without the header the request goes on
 * unauthenticated (only health and the API description let it through).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String ROLE_AGENCY = "ROLE_AGENCY";

	private static final String BEARER = "Bearer ";

	private final AgencyTokens tokens;

	private final ProblemEntryPoint entryPoint;

	private final AuthenticationFailures failures;

	BearerTokenFilter(AgencyTokens tokens, ProblemEntryPoint entryPoint, AuthenticationFailures failures) {
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
		Optional<AgencyPrincipal> agency = this.tokens.authenticate(header.substring(BEARER.length()).trim());
		if (agency.isEmpty()) {
			this.failures.failed("unknown", request);
			this.entryPoint.unauthorized(response, "The token is not one of this service's agencies");
			return;
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(agency.get(), null, List.of(new SimpleGrantedAuthority(ROLE_AGENCY)));
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
