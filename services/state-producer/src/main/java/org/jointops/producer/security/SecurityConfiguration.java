package org.jointops.producer.security;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jointops.support.security.AuthenticationFailures;
import org.jointops.support.security.BearerProblems;
import org.jointops.support.security.BearerTokenFilter;
import org.jointops.support.security.MonitoringTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every endpoint needs an agency's token, except health and the API description. No
 * session, no cookie, no form: each request carries its token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(AgencyTokens.class)
public class SecurityConfiguration {

	static final String ROLE_AGENCY = "ROLE_AGENCY";

	/** What answers without credentials. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AgencyTokens tokens, JsonMapper json,
			MeterRegistry meters, Environment environment) throws Exception {
		MonitoringTokens monitoring = MonitoringTokens.from(environment);
		AuthenticationFailures failures = new AuthenticationFailures(meters);
		BearerProblems entryPoint = new BearerProblems(json, failures, "agency");
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(MonitoringTokens.PATHS)
				.hasRole(MonitoringTokens.ROLE)
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.hasRole("AGENCY"))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.addFilterBefore(new BearerTokenFilter((token) -> tokens.authenticate(token)
				.<Authentication>map((agency) -> UsernamePasswordAuthenticationToken.authenticated(agency, null,
						List.of(new SimpleGrantedAuthority(ROLE_AGENCY))))
				.or(() -> monitoring.authenticate(token)), entryPoint, failures), AuthorizationFilter.class);
		return http.build();
	}

	/** No users but agencies with tokens (and no generated password). */
	@Bean
	UserDetailsService noUsers() {
		return (username) -> {
			throw new UsernameNotFoundException("no users; agencies authenticate with tokens");
		};
	}

}
