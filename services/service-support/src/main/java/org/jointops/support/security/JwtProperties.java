package org.jointops.support.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuers of JWTs a service trusts, beside its API tokens. For example:
 *
 * <pre>
 * jointops.jwt.issuers.&lt;name&gt;.issuer-uri=https://idp.example/realms/kaz   (the iss claim)
 * jointops.jwt.issuers.&lt;name&gt;.jwk-set-uri=https://idp.example/realms/kaz/certs
 * jointops.jwt.issuers.&lt;name&gt;.states=KAZ
 * jointops.jwt.audiences=jointops
 * jointops.jwt.claims.agency=jointops_agency   (and .state, .role, .name)
 * </pre>
 *
 * @param issuers the trusted issuers by a name of the configuration's choice (in logs and
 * in the names of readers); none by default: every JWT is refused 401
 * @param audiences if any, a JWT's {@code aud} must name one of them
 * @param claims the names of the claims that say who holds a JWT
 */
@ConfigurationProperties("jointops.jwt")
public record JwtProperties(Map<String, Issuer> issuers, List<String> audiences, @DefaultValue Claims claims) {

	public JwtProperties {
		issuers = (issuers != null) ? Map.copyOf(issuers) : Map.of();
		audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
		claims = (claims != null) ? claims : new Claims(null, null, null, null);
	}

	/**
	 * One issuer.
	 *
	 * @param issuerUri the issuer as its JWTs name it ({@code iss}); also where its
	 * OpenID configuration is found when no {@code jwk-set-uri} is given
	 * @param jwkSetUri where its public keys are fetched (and fetched again when a JWT
	 * names a key not yet known: keys rotate without a restart)
	 * @param states the member states it vouches for: a producer trusts only the issuers
	 * of its own state; on the aggregator, an issuer with states vouches only for
	 * {@code STATE} readers of those states, one without vouches for every role
	 * @param algorithms the signature algorithms accepted ({@code RS256} by default with
	 * a {@code jwk-set-uri}, those the OpenID configuration names without one)
	 */
	public record Issuer(String issuerUri, URI jwkSetUri, Set<String> states, List<String> algorithms) {

		public Issuer {
			states = (states != null)
					? states.stream().map((state) -> state.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet())
					: Set.of();
			algorithms = (algorithms != null) ? List.copyOf(algorithms) : List.of();
		}

	}

	/**
	 * The names of the claims that say who holds a JWT.
	 *
	 * @param agency the agency's catalogue code (agencies)
	 * @param state the member state (agencies, {@code STATE} readers)
	 * @param role the role ({@code SECRETARIAT}, {@code STATE}, {@code OBSERVER} or
	 * {@code MONITORING} on the aggregator; {@code AGENCY}, the default, or
	 * {@code MONITORING} on a producer)
	 * @param name who the holder is, as records and logs name it (with the issuer's name
	 * before it)
	 */
	public record Claims(@DefaultValue("jointops_agency") String agency, @DefaultValue("jointops_state") String state,
			@DefaultValue("jointops_role") String role, @DefaultValue("sub") String name) {

		public Claims {
			agency = (agency != null) ? agency : "jointops_agency";
			state = (state != null) ? state : "jointops_state";
			role = (role != null) ? role : "jointops_role";
			name = (name != null) ? name : "sub";
		}

	}

}
