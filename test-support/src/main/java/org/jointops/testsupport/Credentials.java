package org.jointops.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials tests use: agency X's API token is {@code test-token-x}, on every
 * producer. Never used outside tests.
 */
public final class Credentials {

	/** Every agency of the bundled catalogue. */
	public static final List<String> AGENCIES = List.of("INTERIOR", "BORDER_GUARD", "CUSTOMS", "STATE_SECURITY",
			"DRUG_CONTROL", "FINANCIAL_INTELLIGENCE", "MIGRATION");

	private Credentials() {
	}

	/**
	 * @param agency an agency code, e.g. {@code INTERIOR}
	 * @return its test token
	 */
	public static String token(String agency) {
		return "test-token-" + agency.toLowerCase(Locale.ROOT);
	}

	/**
	 * @param agency an agency code
	 * @return the value of an {@code Authorization} header for it
	 */
	public static String bearer(String agency) {
		return "Bearer " + token(agency);
	}

	/**
	 * @return the properties that give every agency its test token on a producer
	 */
	public static Map<String, String> producerProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		AGENCIES.forEach((agency) -> properties.put("jointops.agency-tokens." + agency, sha256(token(agency))));
		return properties;
	}

	/**
	 * @param token a token
	 * @return {@code sha256:} and its hex SHA-256, as the configuration takes it
	 */
	public static String sha256(String token) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
