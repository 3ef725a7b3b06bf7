package org.jointops.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * The holder of a valid JWT, as its claims name it: the service's own principal (an
 * agency, a reader) with its role, or, when the claims do not admit it to this service
 * (another state, an agency not in the catalogue, no role), a refusal that every
 * protected endpoint answers 403 with the claim and the reason.
 */
public final class ClaimsAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

	private final transient Refusal refusal;

	private ClaimsAuthentication(Jwt jwt, Object principal, Collection<? extends GrantedAuthority> authorities,
			Refusal refusal) {
		super(jwt, principal, jwt, authorities);
		this.refusal = refusal;
		setAuthenticated(true);
	}

	/**
	 * A JWT's holder admitted with a role.
	 * @param jwt the JWT
	 * @param principal who holds it, as the service names its holders
	 * @param role its role, without {@code ROLE_}
	 * @return its authentication
	 */
	public static ClaimsAuthentication admitted(Jwt jwt, Object principal, String role) {
		return new ClaimsAuthentication(jwt, principal, List.of(new SimpleGrantedAuthority("ROLE_" + role)), null);
	}

	/**
	 * A JWT's holder whose claims do not admit it: authenticated, but with no role.
	 * @param jwt the JWT
	 * @param claim the claim at fault
	 * @param reason what is wrong with it
	 * @return its authentication, refused wherever a role is needed
	 */
	public static ClaimsAuthentication refused(Jwt jwt, String claim, String reason) {
		return new ClaimsAuthentication(jwt, jwt.getSubject(), List.of(), new Refusal(claim, reason));
	}

	/**
	 * Why the JWT's claims do not admit its holder.
	 * @return the refusal, or null if admitted
	 */
	public Refusal refusal() {
		return this.refusal;
	}

	@Override
	public Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

	@Override
	public String getName() {
		return String.valueOf(getPrincipal());
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

	/**
	 * Why a JWT's claims do not admit its holder.
	 *
	 * @param claim the claim at fault
	 * @param reason what is wrong with it
	 */
	public record Refusal(String claim, String reason) {
	}

}
