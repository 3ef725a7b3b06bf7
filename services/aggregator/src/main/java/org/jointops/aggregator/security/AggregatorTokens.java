package org.jointops.aggregator.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jointops.aggregator.security.ReaderTokensProperties.Reader;
import org.jointops.catalogue.Catalogue;
import org.jointops.support.security.MonitoringTokens;
import org.jointops.support.security.MonitoringTokensProperties;
import org.jointops.support.security.TokensFile;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The aggregator's API tokens: the readers' and the monitoring tokens, of the inline
 * configuration and the tokens file together (a reader named in both keeps its role and
 * state, which must agree, and has the hashes of both), made anew whenever the file
 * changes ({@link TokensFile}).
 *
 * @param readers the readers' tokens
 * @param monitoring the monitoring tokens
 */
record AggregatorTokens(ReaderTokens readers, MonitoringTokens monitoring) {

	/** The key of the readers' tokens, in the configuration and in a tokens file. */
	static final String PROPERTY = "jointops.reader-tokens";

	/**
	 * The tokens of the inline configuration and a tokens file together.
	 * @param inline the inline configuration's readers
	 * @param monitoring the inline configuration's monitoring tokens
	 * @param file the tokens file's properties (empty without one)
	 * @param catalogue the catalogue the readers' states must be of
	 * @return the tokens in force
	 * @throws IllegalStateException if the tokens are refused
	 */
	static AggregatorTokens of(ReaderTokensProperties inline, MonitoringTokensProperties monitoring,
			Map<String, String> file, Catalogue catalogue) {
		TokensFile.requireOnly(file, PROPERTY, MonitoringTokens.PROPERTY);
		Map<String, Reader> merged = new LinkedHashMap<>(inline.readerTokens());
		TokensFile.binder(file)
			.bind(PROPERTY, Bindable.mapOf(String.class, Reader.class))
			.ifBound((fromFile) -> fromFile.forEach((name, reader) -> merged.merge(name, reader, (a, b) -> {
				if (a.role() != b.role() || !Objects.equals(normalised(a.state()), normalised(b.state()))) {
					throw new IllegalStateException(PROPERTY + "." + name
							+ ": named in the configuration and in the tokens file with another role or state");
				}
				List<String> hashes = new ArrayList<>(a.hashes());
				hashes.addAll(b.hashes());
				return new Reader(a.role(), a.state(), hashes);
			})));
		return new AggregatorTokens(new ReaderTokens(merged, catalogue), MonitoringTokens.from(monitoring, file));
	}

	private static String normalised(String state) {
		return (state != null && !state.isBlank()) ? state.trim().toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * Authenticates an API token: a reader's, else a monitoring token.
	 * @param token a token as presented
	 * @return its holder, with its role, if it is one of ours
	 */
	Optional<Authentication> authenticate(String token) {
		return this.readers.authenticate(token)
			.<Authentication>map((reader) -> UsernamePasswordAuthenticationToken.authenticated(reader, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + reader.role()))))
			.or(() -> this.monitoring.authenticate(token));
	}

}
