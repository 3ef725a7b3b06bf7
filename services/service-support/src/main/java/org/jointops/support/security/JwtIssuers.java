package org.jointops.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The JWT side of a service's security, Spring Security's resource server with one
 * decoder per trusted issuer ({@link JwtIssuerAuthenticationManagerResolver}): a JWT is
 * checked by the issuer its {@code iss} names, if the service trusts it (else 401): its
 * signature against the issuer's key set, fetched from its {@code jwk-set-uri} (or its
 * OpenID configuration) on the first JWT and fetched again when a JWT names a key not yet
 * known, so that keys rotate without a restart; its issuer, its lifetime (60 s of clock
 * skew) and, if configured, its audience. Its claims then say who holds it
 * ({@link Holders}).
 */
public final class JwtIssuers {

	private static final Logger logger = LoggerFactory.getLogger(JwtIssuers.class);

	private static final String BEARER = "Bearer ";

	private JwtIssuers() {
	}

	/**
	 * The authentication of JWTs by the issuers a service trusts.
	 * @param properties the issuers, the audiences
	 * @param trusted which of the configured issuers this service trusts (by name and
	 * issuer): a producer, those of its own state
	 * @param holders who holds a valid JWT
	 * @return the authentication manager of each JWT, chosen by its {@code iss}
	 * @throws IllegalStateException if an issuer has no {@code issuer-uri}, an unknown
	 * algorithm, or two share one {@code issuer-uri}
	 */
	public static AuthenticationManagerResolver<HttpServletRequest> resolver(JwtProperties properties,
			BiPredicate<String, JwtProperties.Issuer> trusted, Holders holders) {
		Map<String, AuthenticationManager> byIssuer = new HashMap<>();
		Map<String, String> described = new TreeMap<>();
		properties.issuers().forEach((name, issuer) -> {
			String key = "jointops.jwt.issuers." + name;
			if (issuer.issuerUri() == null || issuer.issuerUri().isBlank()) {
				throw new IllegalStateException(key + ".issuer-uri: the issuer as its JWTs name it (iss)");
			}
			List<SignatureAlgorithm> algorithms = new ArrayList<>();
			for (String algorithm : issuer.algorithms()) {
				SignatureAlgorithm known = SignatureAlgorithm.from(algorithm.trim());
				if (known == null) {
					throw new IllegalStateException(key + ".algorithms: not a signature algorithm: " + algorithm);
				}
				algorithms.add(known);
			}
			if (!trusted.test(name, issuer)) {
				return;
			}
			JwtDecoder decoder = decoder(issuer, algorithms, properties.audiences());
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
			provider.setJwtAuthenticationConverter((jwt) -> holders.holder(name, issuer, jwt));
			if (byIssuer.putIfAbsent(issuer.issuerUri(), provider::authenticate) != null) {
				throw new IllegalStateException(key + ".issuer-uri: another trusted issuer has " + issuer.issuerUri());
			}
			described.put(name,
					issuer.issuerUri() + ((issuer.jwkSetUri() != null) ? " (" + issuer.jwkSetUri() + ")" : ""));
		});
		if (!described.isEmpty()) {
			logger.info("JWTs trusted from {}", described);
			if (properties.audiences().isEmpty()) {
				logger.warn("No audience required of JWTs (jointops.jwt.audiences): a JWT its issuer made for another "
						+ "service is accepted too");
			}
		}
		Map<String, AuthenticationManager> managers = Map.copyOf(byIssuer);
		return new JwtIssuerAuthenticationManagerResolver(managers::get);
	}

	private static JwtDecoder decoder(JwtProperties.Issuer issuer, List<SignatureAlgorithm> algorithms,
			List<String> audiences) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtIssuerValidator(issuer.issuerUri()));
		// a JWT without an expiry would be valid for ever: refused (Spring Security's
		// default timestamp check lets it through); 60 s of clock skew, its default
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
		timestamps.setAllowEmptyExpiryClaim(false);
		validators.add(timestamps);
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(audience) -> audience != null && audience.stream().anyMatch(audiences::contains)));
		}
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
		// built on the first JWT of the issuer (an issuer that does not answer yet
		// never stops the service), again on the next one if it failed; meanwhile its
		// JWTs are answered 503 (a JwtException, not the supplier's initialisation
		// exception, which would be a 500)
		SupplierJwtDecoder lazy = new SupplierJwtDecoder(() -> {
			JwkSetUriJwtDecoderBuilder builder = (issuer.jwkSetUri() != null)
					? NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
					: NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri());
			if (!algorithms.isEmpty()) {
				builder.jwsAlgorithms((accepted) -> {
					accepted.clear();
					accepted.addAll(algorithms);
				});
			}
			NimbusJwtDecoder decoder = builder.build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
		return (token) -> {
			try {
				return lazy.decode(token);
			}
			catch (JwtDecoderInitializationException ex) {
				throw new JwtException("The keys of issuer " + issuer.issuerUri() + " cannot be fetched", ex);
			}
		};
	}

	/**
	 * Whether a bearer token is a JWT (three base64url parts, the signature's possibly
	 * empty), which the issuers check, rather than an API token (which never has a dot).
	 * @param token a bearer token
	 * @return true for a JWT
	 */
	public static boolean isJwt(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
			return false;
		}
		for (String part : parts) {
			for (int i = 0; i < part.length(); i++) {
				char c = part.charAt(i);
				boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
						|| c == '-' || c == '_';
				if (!base64url) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The bearer tokens the resource server takes: JWTs in the {@code Authorization}
	 * header only (never from the URL or a form); API tokens are left to the API token
	 * filter.
	 * @return the resolver of JWT bearer tokens
	 */
	static BearerTokenResolver jwtBearers() {
		return (request) -> {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return null;
			}
			String token = header.substring(BEARER.length()).trim();
			return isJwt(token) ? token : null;
		};
	}

	/**
	 * Who holds a valid JWT, as a service names its holders.
	 */
	@FunctionalInterface
	public interface Holders {

		/**
		 * Reads a JWT's claims.
		 * @param issuerName the name of its issuer in the configuration
		 * @param issuer its issuer
		 * @param jwt the JWT, valid
		 * @return its holder, admitted with a role or refused
		 */
		ClaimsAuthentication holder(String issuerName, JwtProperties.Issuer issuer, Jwt jwt);

	}

}
