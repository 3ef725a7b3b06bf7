package org.jointops.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider for tests: it serves its public key set (JWKS) on loopback
 * ({@link #jwkSetUri()}) and signs JWTs with its current key (RS256, a key id per key).
 * {@link #rotate()} replaces the key by a new one with a new key id, as a real issuer
 * rotates its keys. No outside identity provider is needed.
 */
public final class JwtIssuerStandIn implements AutoCloseable {

	private final String issuer;

	private final HttpServer server;

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile RSAKey key;

	private JwtIssuerStandIn(String issuer) throws IOException {
		this.issuer = issuer;
		this.key = newKey();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/jwks", (exchange) -> {
			this.fetches.incrementAndGet();
			byte[] body = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	/**
	 * Starts an issuer.
	 * @param issuer what its JWTs name as their issuer ({@code iss})
	 * @return the issuer, serving its key set
	 */
	public static JwtIssuerStandIn start(String issuer) {
		try {
			return new JwtIssuerStandIn(issuer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The issuer as its JWTs name it.
	 * @return its {@code iss}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * Where its public keys are served.
	 * @return the URI of its key set
	 */
	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	/**
	 * How often its key set was fetched.
	 * @return the number of fetches so far
	 */
	public int keySetFetches() {
		return this.fetches.get();
	}

	/**
	 * Replaces its key by a new one, with a new key id: its key set names only the new
	 * key from now on, and its JWTs are signed with it.
	 */
	public void rotate() {
		this.key = newKey();
	}

	/**
	 * The id of its current key.
	 * @return the {@code kid} its JWTs carry
	 */
	public String keyId() {
		return this.key.getKeyID();
	}

	/**
	 * A JWT valid for five minutes, signed with its current key.
	 * @param claims the claims besides {@code iss}, {@code iat} and {@code exp}
	 * @return the JWT, serialised
	 */
	public String jwt(Map<String, Object> claims) {
		return jwt(claims, Duration.ofMinutes(5));
	}

	/**
	 * A JWT signed with its current key.
	 * @param claims the claims besides {@code iss}, {@code iat} and {@code exp}
	 * @param validFor how long from now it is valid (negative: it has expired)
	 * @return the JWT, serialised
	 */
	public String jwt(Map<String, Object> claims, Duration validFor) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(this.issuer)
			.issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(now.plus(validFor)));
		claims.forEach(builder::claim);
		RSAKey signing = this.key;
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).type(JOSEObjectType.JWT).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(signing));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
