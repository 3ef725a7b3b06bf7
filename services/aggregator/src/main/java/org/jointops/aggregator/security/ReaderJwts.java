package org.jointops.aggregator.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.jointops.catalogue.Catalogue;
import org.jointops.support.security.ClaimsAuthentication;
import org.jointops.support.security.JwtIssuers;
import org.jointops.support.security.JwtProperties;
import org.jointops.support.security.MonitoringTokens;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who holds a JWT on the aggregator: a reader with the role its claims name
 * ({@code SECRETARIAT}, {@code STATE} with its state, {@code OBSERVER}), who then sees
 * exactly what a reader of that role with an API token sees, or whoever monitors it (role
 * {@code MONITORING}). Its name is the issuer's name and the name claim
 * ({@code kaz-idp/alice}), so that it never passes for a reader of the configuration. An
 * issuer configured with states vouches only for {@code STATE} readers of those states. A
 * JWT whose claims say none of this is refused 403 with the claim at fault.
 */
final class ReaderJwts implements JwtIssuers.Holders {

	private final JwtProperties.Claims claims;

	private final Supplier<Catalogue> catalogue;

	ReaderJwts(JwtProperties.Claims claims, Supplier<Catalogue> catalogue) {
		this.claims = claims;
		this.catalogue = catalogue;
	}

	@Override
	public ClaimsAuthentication holder(String issuerName, JwtProperties.Issuer issuer, Jwt jwt) {
		String name = issuerName + "/" + jwt.getClaimAsString(this.claims.name());
		String role = upper(jwt.getClaimAsString(this.claims.role()));
		if (MonitoringTokens.ROLE.equals(role)) {
			if (!issuer.states().isEmpty()) {
				return ClaimsAuthentication.refused(jwt, this.claims.role(), "must be STATE: the issuer " + issuerName
						+ " vouches only for the readers of " + issuer.states() + ", found " + role);
			}
			return ClaimsAuthentication.admitted(jwt, name, MonitoringTokens.ROLE);
		}
		ReaderRole readerRole = Arrays.stream(ReaderRole.values())
			.filter((known) -> known.name().equals(role))
			.findFirst()
			.orElse(null);
		if (readerRole == null) {
			return ClaimsAuthentication.refused(jwt, this.claims.role(),
					"must be SECRETARIAT, STATE, OBSERVER or MONITORING, found " + role);
		}
		if (readerRole != ReaderRole.STATE) {
			if (!issuer.states().isEmpty()) {
				return ClaimsAuthentication.refused(jwt, this.claims.role(), "must be STATE: the issuer " + issuerName
						+ " vouches only for the readers of " + issuer.states() + ", found " + role);
			}
			return ClaimsAuthentication.admitted(jwt, new ReaderPrincipal(name, readerRole, null), readerRole.name());
		}
		String state = upper(jwt.getClaimAsString(this.claims.state()));
		if (state == null || this.catalogue.get().state(state).isEmpty()) {
			return ClaimsAuthentication.refused(jwt, this.claims.state(),
					"a STATE reader's member state of the catalogue, found " + state);
		}
		if (!issuer.states().isEmpty() && !issuer.states().contains(state)) {
			return ClaimsAuthentication.refused(jwt, this.claims.state(), "the issuer " + issuerName
					+ " vouches only for the readers of " + issuer.states() + ", found " + state);
		}
		return ClaimsAuthentication.admitted(jwt, new ReaderPrincipal(name, readerRole, state), readerRole.name());
	}

	private static String upper(String value) {
		return (value != null && !value.isBlank()) ? value.trim().toUpperCase(Locale.ROOT) : null;
	}

}
