package org.jointops.localstack.credentials;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's API tokens, one per agency of each state: random (256 bits), made on
 * the first start and kept in {@code <data>/credentials.properties} (readable by its
 * owner only), so that they survive restarts. Producers are given only their hashes.
 */
public final class AgencyCredentials {

	/** The file, in the data directory. */
	public static final String FILE = "credentials.properties";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Properties tokens;

	private final Path file;

	private AgencyCredentials(Path file, Properties tokens) {
		this.file = file;
		this.tokens = tokens;
	}

	/**
	 * Reads the tokens, adding any missing one.
	 * @param dataDirectory the stack's data directory
	 * @param states the member states
	 * @param agencies the agencies
	 * @return the tokens
	 */
	public static AgencyCredentials loadOrCreate(Path dataDirectory, List<String> states, List<String> agencies) {
		Path file = dataDirectory.resolve(FILE);
		Properties tokens = new Properties();
		try {
			Files.createDirectories(dataDirectory);
			if (Files.exists(file)) {
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					tokens.load(reader);
				}
			}
			boolean added = false;
			for (String state : states) {
				for (String agency : agencies) {
					if (tokens.getProperty(key(state, agency)) == null) {
						byte[] secret = new byte[32];
						RANDOM.nextBytes(secret);
						tokens.setProperty(key(state, agency), state.toLowerCase(Locale.ROOT) + "."
								+ Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
						added = true;
					}
				}
			}
			if (added) {
				try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					tokens.store(writer, "API tokens of the local stack's agencies: <STATE>.<AGENCY>=<token>");
				}
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AgencyCredentials(file, tokens);
	}

	/**
	 * @param state a state code
	 * @param agency an agency code
	 * @return its token
	 */
	public String token(String state, String agency) {
		String token = this.tokens.getProperty(key(state, agency));
		if (token == null) {
			throw new IllegalArgumentException("No token for " + state + "/" + agency);
		}
		return token;
	}

	/**
	 * @return where the tokens are kept
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * @param state a state code
	 * @return the properties that give its producer the hashes of its agencies' tokens
	 */
	public Map<String, String> producerProperties(String state) {
		Map<String, String> properties = new LinkedHashMap<>();
		String prefix = state + ".";
		this.tokens.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(prefix))
			.sorted()
			.forEach((key) -> properties.put("jointops.agency-tokens." + key.substring(prefix.length()),
					sha256(this.tokens.getProperty(key))));
		return properties;
	}

	private static String key(String state, String agency) {
		return state + "." + agency;
	}

	private static String sha256(String token) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
