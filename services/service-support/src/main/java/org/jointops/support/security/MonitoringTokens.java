package org.jointops.support.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The tokens of whoever operates a service: they reach the actuator's metrics
 * ({@code /actuator/metrics}, {@code /actuator/prometheus}) and the details of its health
 * (open to anyone, but the status only: {@code management.endpoint.health.show-details:
 * when-authorized} with {@code roles: MONITORING}, {@value #ROLE}), and nothing else, so
 * a monitoring system needs neither an agency's nor a reader's token. Configured as
 * SHA-256 hashes ({@link MonitoringTokensProperties}).
 */
public final class MonitoringTokens {

	/** The role a monitoring token carries. */
	public static final String ROLE = "MONITORING";

	/** What a monitoring token reaches besides the open endpoints. */
	public static final String[] PATHS = { "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus" };

	/** The key of the monitoring tokens, in the configuration and in a tokens file. */
	public static final String PROPERTY = "jointops.monitoring-tokens";

	private final Set<String> hashes = new HashSet<>();

	/**
	 * Creates the monitoring tokens from their configured hashes.
	 * @param configured the configured hashes
	 * @throws IllegalStateException if one is not {@code sha256:<64 hex digits>}
	 */
	public MonitoringTokens(List<String> configured) {
		for (String hash : configured) {
			this.hashes.add(TokenHashes.parse(hash)
				.orElseThrow(() -> new IllegalStateException(PROPERTY
						+ ": expected sha256:<64 hex digits>, the SHA-256 of the token (never the token itself)")));
		}
	}

	/**
	 * The tokens a service's configuration gives.
	 * @param properties the service's monitoring tokens
	 * @return its monitoring tokens (none if not configured)
	 */
	public static MonitoringTokens from(MonitoringTokensProperties properties) {
		return new MonitoringTokens(properties.monitoringTokens());
	}

	/**
	 * The tokens a service's configuration and its tokens file give together.
	 * @param properties the inline configuration's monitoring tokens
	 * @param file the tokens file's properties ({@link TokensFile})
	 * @return the monitoring tokens of both
	 * @throws IllegalStateException if a hash is not {@code sha256:<64 hex digits>}
	 */
	public static MonitoringTokens from(MonitoringTokensProperties properties, Map<String, String> file) {
		List<String> hashes = new ArrayList<>(properties.monitoringTokens());
		TokensFile.binder(file).bind(PROPERTY, Bindable.listOf(String.class)).ifBound(hashes::addAll);
		return new MonitoringTokens(hashes);
	}

	/**
	 * Authenticates a monitoring token.
	 * @param token a token as presented
	 * @return the monitoring principal, if the token is one of ours
	 */
	public Optional<Authentication> authenticate(String token) {
		if (!this.hashes.contains(TokenHashes.of(token))) {
			return Optional.empty();
		}
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated("monitoring", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
	}

}
