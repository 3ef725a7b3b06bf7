package org.jointops.support.security;

import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The security both services share: stateless, no sessions, logins, forms or CSRF tokens;
 * every request but the open ones carries {@code Authorization: Bearer <token>}: a JWT
 * (three dotted base64url parts) goes to Spring Security's resource server and the
 * issuers the service trusts ({@link JwtIssuers}); anything else is an API token, the
 * service's own or a monitoring token ({@link BearerTokenFilter}). Refusals as problem
 * details. Each service adds only which role reaches what.
 */
public final class StatelessBearerSecurity {

	private StatelessBearerSecurity() {
	}

	/**
	 * Configures a service's security but its authorisation rules.
	 * @param http the service's security builder
	 * @param tokens the service's API tokens, its own and the monitoring tokens: a token
	 * to its principal and roles
	 * @param jwts the authentication of JWTs by the issuers the service trusts
	 * ({@link JwtIssuers#resolver})
	 * @param problems how a refusal is answered (401, 403 and 503)
	 * @param failures where failed logins are counted
	 * @return the builder, for the service's authorisation rules
	 * @throws Exception as {@link HttpSecurity} does
	 */
	public static HttpSecurity configure(HttpSecurity http, Function<String, Optional<Authentication>> tokens,
			AuthenticationManagerResolver<HttpServletRequest> jwts, BearerProblems problems,
			AuthenticationFailures failures) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(jwts)
				.bearerTokenResolver(JwtIssuers.jwtBearers())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						// a refused JWT is a 401, an issuer whose keys cannot be fetched
						// a 503 (by default, an exception)
						filter.setAuthenticationFailureHandler(problems::commence);
						return filter;
					}

				}))
			.addFilterBefore(new BearerTokenFilter(tokens, problems, failures), AuthorizationFilter.class);
	}

}
