package org.jointops.producer.security;

import java.util.Locale;
import java.util.function.Supplier;

import org.jointops.catalogue.Catalogue;
import org.jointops.support.security.ClaimsAuthentication;
import org.jointops.support.security.JwtIssuers;
import org.jointops.support.security.JwtProperties;
import org.jointops.support.security.MonitoringTokens;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who holds a JWT on a producer: an agency of the producer's state (the claims name the
 * agency and the state; role {@code AGENCY} or none), or whoever monitors it (role
 * {@code MONITORING}). A JWT of another state, of an agency not in the catalogue, or of
 * another role is refused 403 with the claim at fault. Only the issuers configured for
 * the producer's state are trusted at all ({@link #trusts}).
 */
final class AgencyJwts implements JwtIssuers.Holders {

	/** The role an agency's JWT names, or none. */
	static final String AGENCY = "AGENCY";

	private final String state;

	private final String upperState;

	private final JwtProperties.Claims claims;

	private final Supplier<Catalogue> catalogue;

	AgencyJwts(String state, JwtProperties.Claims claims, Supplier<Catalogue> catalogue) {
		this.state = state;
		this.upperState = state.toUpperCase(Locale.ROOT);
		this.claims = claims;
		this.catalogue = catalogue;
	}

	/**
	 * Whether a producer trusts an issuer: if it vouches for the producer's state.
	 * @param issuer a configured issuer
	 * @return true if its states name the producer's
	 */
	boolean trusts(JwtProperties.Issuer issuer) {
		return issuer.states().contains(this.upperState);
	}

	@Override
	public ClaimsAuthentication holder(String issuerName, JwtProperties.Issuer issuer, Jwt jwt) {
		String role = upper(jwt.getClaimAsString(this.claims.role()));
		if (MonitoringTokens.ROLE.equals(role)) {
			return ClaimsAuthentication.admitted(jwt, issuerName + "/" + jwt.getClaimAsString(this.claims.name()),
					MonitoringTokens.ROLE);
		}
		if (role != null && !AGENCY.equals(role)) {
			return ClaimsAuthentication.refused(jwt, this.claims.role(),
					"must be AGENCY (or absent) or MONITORING on a producer, found " + role);
		}
		String state = upper(jwt.getClaimAsString(this.claims.state()));
		if (state == null) {
			return ClaimsAuthentication.refused(jwt, this.claims.state(), "must name the agency's member state");
		}
		if (!state.equals(this.upperState)) {
			return ClaimsAuthentication.refused(jwt, this.claims.state(),
					"must be " + this.upperState + ", the state of this producer, found " + state);
		}
		String agency = upper(jwt.getClaimAsString(this.claims.agency()));
		if (agency == null) {
			return ClaimsAuthentication.refused(jwt, this.claims.agency(), "must name the agency");
		}
		if (this.catalogue.get().agency(agency).isEmpty()) {
			return ClaimsAuthentication.refused(jwt, this.claims.agency(),
					"must be an agency of the catalogue, found " + agency);
		}
		return ClaimsAuthentication.admitted(jwt, new AgencyPrincipal(this.state, agency), AGENCY);
	}

	private static String upper(String value) {
		return (value != null && !value.isBlank()) ? value.trim().toUpperCase(Locale.ROOT) : null;
	}

}
