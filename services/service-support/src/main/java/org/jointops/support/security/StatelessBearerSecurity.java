package org.jointops.support.security;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The security both services share: stateless, no sessions, logins, forms or CSRF tokens;
 * every request but the open ones carries {@code Authorization: Bearer <token>}, the
 * service's own tokens first, then the monitoring tokens; refusals as problem details.
 * Each service adds only which role reaches what.
 */
public final class StatelessBearerSecurity {

	private StatelessBearerSecurity() {
	}

	/**
	 * Configures a service's security but its authorisation rules.
	 * @param http the service's security builder
	 * @param tokens the service's own tokens: a token to its principal and roles
	 * @param monitoring the monitoring tokens, tried after the service's own
	 * @param problems how a refusal is answered (401 and 403)
	 * @param failures where failed logins are counted
	 * @return the builder, for the service's authorisation rules
	 * @throws Exception as {@link HttpSecurity} does
	 */
	public static HttpSecurity configure(HttpSecurity http, Function<String, Optional<Authentication>> tokens,
			MonitoringTokens monitoring, BearerProblems problems, AuthenticationFailures failures) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(
					new BearerTokenFilter((token) -> tokens.apply(token).or(() -> monitoring.authenticate(token)),
							problems, failures),
					AuthorizationFilter.class);
	}

}
