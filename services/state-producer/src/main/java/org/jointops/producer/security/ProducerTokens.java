package org.jointops.producer.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jointops.catalogue.Catalogue;
import org.jointops.producer.ProducerProperties;
import org.jointops.support.security.MonitoringTokens;
import org.jointops.support.security.MonitoringTokensProperties;
import org.jointops.support.security.TokensFile;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.core.ResolvableType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A producer's API tokens: the agencies' and the monitoring tokens, of the inline
 * configuration and the tokens file together (the hashes of an agency in both are
 * united), made anew whenever the file changes ({@link TokensFile}).
 *
 * @param agencies the agencies' tokens
 * @param monitoring the monitoring tokens
 */
record ProducerTokens(AgencyTokens agencies, MonitoringTokens monitoring) {

	private static final Bindable<Map<String, List<String>>> TOKENS_BY_AGENCY = Bindable
		.of(ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
				ResolvableType.forClassWithGenerics(List.class, String.class)));

	/**
	 * The tokens of the inline configuration and a tokens file together.
	 * @param producer the inline configuration's agencies' tokens
	 * @param monitoring the inline configuration's monitoring tokens
	 * @param file the tokens file's properties (empty without one)
	 * @param catalogue the catalogue the agencies must be of
	 * @return the tokens in force
	 * @throws IllegalStateException if the tokens are refused
	 */
	static ProducerTokens of(ProducerProperties producer, MonitoringTokensProperties monitoring,
			Map<String, String> file, Catalogue catalogue) {
		TokensFile.requireOnly(file, AgencyTokens.PROPERTY, MonitoringTokens.PROPERTY);
		Map<String, List<String>> merged = new LinkedHashMap<>();
		producer.agencyTokens().forEach((agency, hashes) -> add(merged, agency, hashes));
		TokensFile.binder(file)
			.bind(AgencyTokens.PROPERTY, TOKENS_BY_AGENCY)
			.ifBound((fromFile) -> fromFile.forEach((agency, hashes) -> add(merged, agency, hashes)));
		return new ProducerTokens(new AgencyTokens(producer.state(), merged, catalogue),
				MonitoringTokens.from(monitoring, file));
	}

	private static void add(Map<String, List<String>> merged, String agency, List<String> hashes) {
		merged.computeIfAbsent(agency.toUpperCase(Locale.ROOT), (key) -> new ArrayList<>()).addAll(hashes);
	}

	/**
	 * Authenticates an API token: an agency's, else a monitoring token.
	 * @param token a token as presented
	 * @return its holder, with its role, if it is one of ours
	 */
	Optional<Authentication> authenticate(String token) {
		return this.agencies.authenticate(token)
			.<Authentication>map((agency) -> UsernamePasswordAuthenticationToken.authenticated(agency, null,
					List.of(new SimpleGrantedAuthority(SecurityConfiguration.ROLE_AGENCY))))
			.or(() -> this.monitoring.authenticate(token));
	}

}
