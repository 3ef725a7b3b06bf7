package org.jointops.producer.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.jointops.producer.ProducerProperties;
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
 * Every endpoint needs an agency's API token or JWT, except health and the API
 * description. No session, no cookie, no form: each request carries its token. API tokens
 * come from the configuration and the tokens file ({@link ProducerTokens}, re-read when
 * the file changes); JWTs from the issuers configured for the producer's state
 * ({@link AgencyJwts}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({ MonitoringTokensProperties.class, TokensFileProperties.class, JwtProperties.class })
public class SecurityConfiguration {

	static final String ROLE_AGENCY = "ROLE_AGENCY";

	/** What answers without credentials. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	TokensFile<ProducerTokens> producerTokens(ProducerProperties producer, MonitoringTokensProperties monitoring,
			TokensFileProperties file, CurrentCatalogue catalogue) {
		return new TokensFile<>(file,
				(properties) -> ProducerTokens.of(producer, monitoring, properties, catalogue.current()));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, TokensFile<ProducerTokens> tokens,
			ProducerProperties producer, JwtProperties jwt, CurrentCatalogue catalogue, JsonMapper json,
			MeterRegistry meters) throws Exception {
		AuthenticationFailures failures = new AuthenticationFailures(meters);
		BearerProblems entryPoint = new BearerProblems(json, failures, "agency");
		AgencyJwts agencies = new AgencyJwts(producer.state(), jwt.claims(), catalogue::current);
		StatelessBearerSecurity
			.configure(http, (token) -> tokens.current().authenticate(token),
					JwtIssuers.resolver(jwt, (name, issuer) -> agencies.trusts(issuer), agencies), entryPoint, failures)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(MonitoringTokens.PATHS)
				.hasRole(MonitoringTokens.ROLE)
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.hasRole(AgencyJwts.AGENCY));
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
