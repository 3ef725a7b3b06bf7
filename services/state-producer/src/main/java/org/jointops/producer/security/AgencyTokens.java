package org.jointops.producer.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jointops.catalogue.Catalogue;
import org.jointops.support.security.TokenHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' API tokens, known only by their SHA-256 hashes
 * ({@code jointops.agency-tokens.<AGENCY>=sha256:<hex>}, several per agency while one is
 * rotated), from the configuration and the tokens file together ({@link ProducerTokens}).
 * Tokens are random secrets of at least 128 bits, so an unsalted fast hash is enough
 * (nothing to guess from a dictionary) and costs nothing per request.
 */
class AgencyTokens {

	/** How a hash is written in the configuration. */
	public static final String PREFIX = TokenHashes.PREFIX;

	/** The key of the agencies' tokens, in the configuration and in a tokens file. */
	static final String PROPERTY = "jointops.agency-tokens";

	private static final Logger logger = LoggerFactory.getLogger(AgencyTokens.class);

	private final Map<String, String> agencyByHash = new HashMap<>();

	private final String state;

	/**
	 * Checks and indexes the agencies' tokens.
	 * @param state the producer's state
	 * @param tokens by agency code (any case), the hashes of its tokens
	 * @param catalogue the catalogue the agencies must be of
	 * @throws IllegalStateException naming the key, for an agency not in the catalogue, a
	 * value that is not {@code sha256:<64 hex digits>} or one token for two agencies
	 */
	AgencyTokens(String state, Map<String, List<String>> tokens, Catalogue catalogue) {
		this.state = state;
		TreeSet<String> agencies = new TreeSet<>();
		tokens.forEach((key, hashes) -> {
			// environment variables (JOINTOPS_AGENCYTOKENS_INTERIOR) bind map keys in
			// lower case
			String agency = key.toUpperCase(Locale.ROOT);
			if (catalogue.agency(agency).isEmpty()) {
				throw new IllegalStateException(PROPERTY + "." + agency + ": not an agency of the catalogue");
			}
			for (String hash : hashes) {
				String normalised = TokenHashes.parse(hash)
					.orElseThrow(() -> new IllegalStateException(PROPERTY + "." + agency
							+ ": expected sha256:<64 hex digits>, the SHA-256 of the token (never the token itself)"));
				String other = this.agencyByHash.putIfAbsent(normalised, agency);
				if (other != null && !other.equals(agency)) {
					throw new IllegalStateException(PROPERTY + ": the same token for " + other + " and " + agency);
				}
			}
			agencies.add(agency);
		});
		if (this.agencyByHash.isEmpty()) {
			logger.warn("No agency tokens configured (jointops.agency-tokens): only agencies with a JWT of a trusted "
					+ "issuer can submit");
		}
		else {
			logger.info("Agencies with tokens on {}: {}", this.state, agencies);
		}
	}

	/**
	 * Finds the agency a token belongs to.
	 * @param token a token as presented
	 * @return the agency it belongs to, if any
	 */
	Optional<AgencyPrincipal> authenticate(String token) {
		return Optional.ofNullable(this.agencyByHash.get(hash(token)))
			.map((agency) -> new AgencyPrincipal(this.state, agency));
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
