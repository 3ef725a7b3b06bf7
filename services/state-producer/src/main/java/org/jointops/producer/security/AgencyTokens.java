package org.jointops.producer.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jointops.producer.ProducerProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.security.TokenHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' API tokens, known only by their SHA-256 hashes
 * ({@code jointops.agency-tokens.<AGENCY>=sha256:<hex>}, several per agency while one is
 * rotated). Tokens are random secrets of at least 128 bits, so an unsalted fast hash is
 * enough (nothing to guess from a dictionary) and costs nothing per request.
 */
class AgencyTokens {

	/** How a hash is written in the configuration. */
	public static final String PREFIX = TokenHashes.PREFIX;

	private static final Pattern HASH = Pattern.compile(PREFIX + "[0-9a-f]{64}");

	private static final Logger logger = LoggerFactory.getLogger(AgencyTokens.class);

	private final Map<String, String> agencyByHash = new HashMap<>();

	private final String state;

	AgencyTokens(ProducerProperties properties, CurrentCatalogue catalogue) {
		this.state = properties.state();
		properties.agencyTokens().forEach((key, hashes) -> {
			// environment variables (JOINTOPS_AGENCYTOKENS_INTERIOR) bind map keys in
			// lower case
			String agency = key.toUpperCase(java.util.Locale.ROOT);
			// agencies are never removed from the catalogue: checked once
			if (catalogue.current().agency(agency).isEmpty()) {
				throw new IllegalStateException(
						"jointops.agency-tokens." + agency + ": not an agency of the catalogue");
			}
			for (String hash : hashes) {
				String normalised = hash.trim().toLowerCase(java.util.Locale.ROOT);
				if (!HASH.matcher(normalised).matches()) {
					throw new IllegalStateException("jointops.agency-tokens." + agency
							+ ": expected sha256:<64 hex digits>, the SHA-256 of the token (never the token itself)");
				}
				String other = this.agencyByHash.putIfAbsent(normalised, agency);
				if (other != null && !other.equals(agency)) {
					throw new IllegalStateException(
							"jointops.agency-tokens: the same token for " + other + " and " + agency);
				}
			}
		});
		if (this.agencyByHash.isEmpty()) {
			logger.warn("No agency tokens configured (jointops.agency-tokens): every submission will be refused 401");
		}
		else {
			logger.info("Agencies with tokens on {}: {}", this.state, List.copyOf(properties.agencyTokens().keySet()));
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
