package org.jointops.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How API tokens are known to the services: only by their SHA-256, written
 * {@code sha256:<64 hex digits>}. Tokens are random secrets of at least 128 bits, so an
 * unsalted fast hash is enough (nothing to guess from a dictionary) and costs nothing per
 * request.
 */
public final class TokenHashes {

	/** How a hash is written in the configuration. */
	public static final String PREFIX = "sha256:";

	private static final Pattern HASH = Pattern.compile(PREFIX + "[0-9a-f]{64}");

	private TokenHashes() {
	}

	/**
	 * The hash of a token, as the configuration gives it.
	 * @param token a token
	 * @return how the configuration names it: {@code sha256:} and the hex digest
	 */
	public static String of(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A configured hash, trimmed and in lower case, if it is one.
	 * @param configured as written in the configuration
	 * @return the hash, or empty if it is not {@code sha256:<64 hex digits>}
	 */
	public static Optional<String> parse(String configured) {
		String normalised = configured.trim().toLowerCase(Locale.ROOT);
		return HASH.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
	}

}
