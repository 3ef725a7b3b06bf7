package org.jointops.aggregator.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jointops.aggregator.security.ReaderTokensProperties.Reader;
import org.jointops.catalogue.Catalogue;
import org.jointops.support.security.TokenHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers' API tokens, known only by their SHA-256 hashes (see
 * {@link ReaderTokensProperties}). Tokens are random secrets of at least 128 bits, so an
 * unsalted fast hash is enough (nothing to guess from a dictionary) and costs nothing per
 * request. A wrong configuration stops the aggregator at start-up; a wrong tokens file
 * keeps the last good tokens ({@link AggregatorTokens}).
 */
class ReaderTokens {

	/** How a hash is written in the configuration. */
	public static final String PREFIX = TokenHashes.PREFIX;

	private static final Logger logger = LoggerFactory.getLogger(ReaderTokens.class);

	private final Map<String, ReaderPrincipal> readerByHash = new HashMap<>();

	/**
	 * Checks and indexes the readers' tokens.
	 * @param readers the readers by name
	 * @param catalogue the catalogue a STATE reader's state must be of
	 * @throws IllegalStateException naming the key, for a wrong reader
	 */
	ReaderTokens(Map<String, Reader> readers, Catalogue catalogue) {
		Map<String, String> described = new TreeMap<>();
		readers.forEach((name, reader) -> {
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
				String normalised = TokenHashes.parse(hash)
					.orElseThrow(() -> new IllegalStateException(key
							+ ".hashes: expected sha256:<64 hex digits>, the SHA-256 of the token (never the token itself)"));
				ReaderPrincipal other = this.readerByHash.putIfAbsent(normalised, principal);
				if (other != null && !other.equals(principal)) {
					throw new IllegalStateException(
							"jointops.reader-tokens: the same token for " + other.name() + " and " + name);
				}
			}
			described.put(name, principal.toString());
		});
		if (this.readerByHash.isEmpty()) {
			logger.warn("No reader tokens configured (jointops.reader-tokens): only readers with a JWT of a trusted "
					+ "issuer can read");
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
