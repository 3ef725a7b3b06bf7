package org.jointops.producer.security;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jointops.support.security.AuthenticationFailures;
import org.jointops.support.security.BearerProblems;
import org.jointops.support.security.MonitoringTokens;
import org.jointops.support.security.MonitoringTokensProperties;
import org.jointops.support.security.StatelessBearerSecurity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs an agency's token, except health and the API description. No
 * session, no cookie, no form: each request carries its token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(MonitoringTokensProperties.class)
@Import(AgencyTokens.class)
public class SecurityConfiguration {

	static final String ROLE_AGENCY = "ROLE_AGENCY";

	/** What answers without credentials. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AgencyTokens tokens, JsonMapper json,
			MeterRegistry meters, MonitoringTokensProperties monitoringTokens) throws Exception {
		MonitoringTokens monitoring = MonitoringTokens.from(monitoringTokens);
		AuthenticationFailures failures = new AuthenticationFailures(meters);
		BearerProblems entryPoint = new BearerProblems(json, failures, "agency");
		StatelessBearerSecurity
			.configure(http,
					(token) -> tokens.authenticate(token)
						.map((agency) -> UsernamePasswordAuthenticationToken.authenticated(agency, null,
								List.of(new SimpleGrantedAuthority(ROLE_AGENCY)))),
					monitoring, entryPoint, failures)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(MonitoringTokens.PATHS)
				.hasRole(MonitoringTokens.ROLE)
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.hasRole("AGENCY"));
		return http.build();
	}

	/**
	 * No users but agencies with tokens (and no generated password).
	 * @return a user details service that knows no user
	 */
	@Bean
	UserDetailsService noUsers() {
		return (username) -> {
			throw new UsernameNotFoundException("no users; agencies authenticate with tokens");
		};
	}

}
