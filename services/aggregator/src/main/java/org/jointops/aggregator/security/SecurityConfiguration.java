package org.jointops.aggregator.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.security.AuthenticationFailures;
import org.jointops.support.security.BearerProblems;
import org.jointops.support.security.JwtIssuers;
import org.jointops.support.security.JwtProperties;
import org.jointops.support.security.MonitoringTokens;
import org.jointops.support.security.MonitoringTokensProperties;
import org.jointops.support.security.StatelessBearerSecurity;
import org.jointops.support.security.TokensFile;
import org.jointops.support.security.TokensFileProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs a reader's API token or JWT ({@link AggregatorTokens}, re-read
 * when the tokens file changes; {@link ReaderJwts}), except health, the API description
 * and the dashboard's static files (the page asks for a token and sends it with each of
 * its calls). What a role reaches is decided here by path and, for filters and the parts
 * of an answer, by {@link ReaderAccess} in the controllers. No session, no cookie, no
 * form: each request carries its token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({ ReaderTokensProperties.class, MonitoringTokensProperties.class,
		TokensFileProperties.class, JwtProperties.class })
public class SecurityConfiguration {

	/** What answers without credentials. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/error", "/", "/dashboard", "/dashboard/**", "/webjars/**",
			"/favicon.ico" };

	/** Changes to the catalogue and the exchange rates: the secretariat only. */
	static final String ADMIN = "/api/v1/admin/**";

	/**
	 * Detail by agency and report, submissions and the exchange rates: not for observers.
	 */
	static final String[] DETAIL = { "/api/v1/operations/*/reports", "/api/v1/operations/*/completeness",
			"/api/v1/operations/*/submissions", "/api/v1/operations/*/submissions/**", "/api/v1/operations/*/rates" };

	/**
	 * Live figures as they change: not for observers, who read published figures only
	 * (their totals and summary answer the latest publication, see
	 * {@link ReaderAccess#readsPublishedFiguresOnly()}).
	 */
	static final String[] LIVE = { "/api/v1/operations/*/totals/stream" };

	@Bean
	TokensFile<AggregatorTokens> aggregatorTokens(ReaderTokensProperties readers, MonitoringTokensProperties monitoring,
			TokensFileProperties file, CurrentCatalogue catalogue) {
		// member states are never removed from the catalogue
		return new TokensFile<>(file,
				(properties) -> AggregatorTokens.of(readers, monitoring, properties, catalogue.current()));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, TokensFile<AggregatorTokens> tokens, JwtProperties jwt,
			CurrentCatalogue catalogue, JsonMapper json, MeterRegistry meters) throws Exception {
		AuthenticationFailures failures = new AuthenticationFailures(meters);
		BearerProblems problems = new BearerProblems(json, failures, "reader");
		StatelessBearerSecurity
			.configure(http, (token) -> tokens.current().authenticate(token),
					JwtIssuers.resolver(jwt, (name, issuer) -> true, new ReaderJwts(jwt.claims(), catalogue::current)),
					problems, failures)
			.authorizeHttpRequests((requests) -> requests
				// the live feed's async dispatches and error pages: the request was
				// authorised when it came in
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(ADMIN)
				.hasRole(ReaderRole.SECRETARIAT.name())
				.requestMatchers(DETAIL)
				.hasAnyRole(ReaderRole.SECRETARIAT.name(), ReaderRole.STATE.name())
				.requestMatchers(LIVE)
				.hasAnyRole(ReaderRole.SECRETARIAT.name(), ReaderRole.STATE.name())
				.requestMatchers("/api/**")
				.hasAnyRole(ReaderRole.SECRETARIAT.name(), ReaderRole.STATE.name(), ReaderRole.OBSERVER.name())
				.requestMatchers(MonitoringTokens.PATHS)
				.hasAnyRole(ReaderRole.SECRETARIAT.name(), MonitoringTokens.ROLE)
				.anyRequest()
				.hasRole(ReaderRole.SECRETARIAT.name()));
		return http.build();
	}

	/**
	 * No users but readers with tokens (and no generated password).
	 * @return a user details service that knows no user
	 */
	@Bean
	UserDetailsService noUsers() {
		return (username) -> {
			throw new UsernameNotFoundException("no users; readers authenticate with tokens");
		};
	}

}
