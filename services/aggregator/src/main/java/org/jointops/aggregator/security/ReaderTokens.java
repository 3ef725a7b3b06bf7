package org.jointops.aggregator.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jointops.catalogue.Catalogue;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.security.TokenHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers' API tokens, known only by their SHA-256 hashes (see
 * {@link ReaderTokensProperties}). Tokens are random secrets of at least 128 bits, so an
 * unsalted fast hash is enough (nothing to guess from a dictionary) and costs nothing per
 * request. A wrong configuration stops the aggregator at start-up.
 */
class ReaderTokens {

	/** How a hash is written in the configuration. */
	public static final String PREFIX = TokenHashes.PREFIX;

	private static final Pattern HASH = Pattern.compile(PREFIX + "[0-9a-f]{64}");

	private static final Logger logger = LoggerFactory.getLogger(ReaderTokens.class);

	private final Map<String, ReaderPrincipal> readerByHash = new HashMap<>();

	ReaderTokens(ReaderTokensProperties properties, CurrentCatalogue current) {
		// member states are never removed from the catalogue: checked once
		Catalogue catalogue = current.current();
		Map<String, String> described = new TreeMap<>();
		properties.readerTokens().forEach((name, reader) -> {
			String key = "jointops.reader-tokens." + name;
			if (reader.role() == null) {
				throw new IllegalStateException(key + ".role: SECRETARIAT, STATE or OBSERVER");
			}
			String state = (reader.state() != null && !reader.state().isBlank())
					? reader.state().trim().toUpperCase(Locale.ROOT) : null;
			if (reader.role() == ReaderRole.STATE) {
				if (state == null || catalogue.state(state).isEmpty()) {
					throw new IllegalStateException(
							key + ".state: a STATE reader needs a member state of the catalogue");
				}
			}
			else if (state != null) {
				throw new IllegalStateException(key + ".state: only a STATE reader has a state");
			}
			if (reader.hashes().isEmpty()) {
				throw new IllegalStateException(key + ".hashes: at least one sha256:<hex>");
			}
			ReaderPrincipal principal = new ReaderPrincipal(name, reader.role(), state);
			for (String hash : reader.hashes()) {
				String normalised = hash.trim().toLowerCase(Locale.ROOT);
				if (!HASH.matcher(normalised).matches()) {
					throw new IllegalStateException(key
							+ ".hashes: expected sha256:<64 hex digits>, the SHA-256 of the token (never the token itself)");
				}
				ReaderPrincipal other = this.readerByHash.putIfAbsent(normalised, principal);
				if (other != null && !other.equals(principal)) {
					throw new IllegalStateException(
							"jointops.reader-tokens: the same token for " + other.name() + " and " + name);
				}
			}
			described.put(name, principal.toString());
		});
		if (this.readerByHash.isEmpty()) {
			logger.warn("No reader tokens configured (jointops.reader-tokens): every read will be refused 401");
		}
		else {
			logger.info("Readers with tokens: {}", described.values());
		}
	}

	/**
	 * Finds the reader a token belongs to.
	 * @param token a token as presented
	 * @return the reader it belongs to, if any
	 */
	Optional<ReaderPrincipal> authenticate(String token) {
		return Optional.ofNullable(this.readerByHash.get(hash(token)));
	}

	/**
	 * The hash of a token, as the configuration gives it.
	 * @param token a token
	 * @return how the configuration names it: {@code sha256:} and the hex digest
	 */
	static String hash(String token) {
		return TokenHashes.of(token);
	}

}
