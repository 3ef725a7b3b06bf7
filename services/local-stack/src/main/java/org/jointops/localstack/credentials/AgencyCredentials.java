package org.jointops.localstack.credentials;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;

/**
 * The local stack's credentials, random (256 bits), made on the first start and kept in
 * {@code <data>/credentials.properties} (readable by its owner only), so that they
 * survive restarts:
 * <ul>
 * <li>API tokens, one per agency of each state, and three readers of the aggregator (the
 * secretariat, one state, an observer): the services are given only their hashes;</li>
 * <li>Kafka passwords: the node's administrator, each state's producer service and the
 * aggregator (SASL; see {@code org.jointops.kafkanode}).</li>
 * </ul>
 */
public final class AgencyCredentials {

	/** The file, in the data directory. */
	public static final String FILE = "credentials.properties";

	/** The aggregator's reader with role SECRETARIAT. */
	public static final String SECRETARIAT = "secretariat";

	/** The token of whoever operates the services (metrics only, on every service). */
	public static final String MONITORING = "monitoring";

	/** The aggregator's reader with role OBSERVER. */
	public static final String OBSERVER = "observer";

	/** The member state whose reader (role STATE) the stack makes, if it is a member. */
	static final String PREFERRED_STATE = "KAZ";

	private static final String READER = "reader.";

	private static final String KAFKA = "kafka.";

	private static final String MONITORING_PROPERTY = "jointops.monitoring-tokens";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Properties tokens;

	private final Path file;

	private final String readerState;

	private AgencyCredentials(Path file, Properties tokens, String readerState) {
		this.file = file;
		this.tokens = tokens;
		this.readerState = readerState;
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
		String readerState = states.contains(PREFERRED_STATE) ? PREFERRED_STATE : states.get(0);
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
					added |= addIfMissing(tokens, key(state, agency), state.toLowerCase(Locale.ROOT));
				}
			}
			for (String reader : List.of(SECRETARIAT, OBSERVER, stateReader(readerState))) {
				added |= addIfMissing(tokens, READER + reader, reader);
			}
			List<String> kafkaUsers = new ArrayList<>(List.of(KafkaUsers.ADMIN, KafkaUsers.AGGREGATOR));
			states.forEach((state) -> kafkaUsers.add(KafkaUsers.producer(state)));
			for (String user : kafkaUsers) {
				added |= addIfMissing(tokens, KAFKA + user, user);
			}
			added |= addIfMissing(tokens, MONITORING, MONITORING);
			if (added) {
				// written whole to a file nobody else can read, then moved into place:
				// never
				// readable by others, never half-written
				Path written = ownerOnlyTemporaryFile(dataDirectory);
				try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
					tokens.store(writer,
							"Credentials of the local stack: agencies <STATE>.<AGENCY>=<token>, "
									+ "readers of the aggregator reader.<name>=<token>, monitoring=<token>, "
									+ "Kafka users kafka.<user>=<password>");
				}
				Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AgencyCredentials(file, tokens, readerState);
	}

	private static Path ownerOnlyTemporaryFile(Path directory) throws IOException {
		try {
			return Files.createTempFile(directory, FILE, ".new",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its own access control applies
			return Files.createTempFile(directory, FILE, ".new");
		}
	}

	private static boolean addIfMissing(Properties tokens, String key, String prefix) {
		if (tokens.getProperty(key) != null) {
			return false;
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		tokens.setProperty(key, prefix + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		return true;
	}

	private static String stateReader(String state) {
		return "state-" + state.toLowerCase(Locale.ROOT);
	}

	/**
	 * The aggregator's reader of one member state.
	 * @return the name of the aggregator's reader with role STATE
	 */
	public String stateReader() {
		return stateReader(this.readerState);
	}

	/**
	 * The member state the state reader sees.
	 * @return the member state of {@link #stateReader()}
	 */
	public String readerState() {
		return this.readerState;
	}

	/**
	 * The API token of one of the aggregator's readers.
	 * @param reader {@link #SECRETARIAT}, {@link #OBSERVER} or {@link #stateReader()}
	 * @return its token for the aggregator
	 */
	public String readerToken(String reader) {
		String token = this.tokens.getProperty(READER + reader);
		if (token == null) {
			throw new IllegalArgumentException("No reader " + reader);
		}
		return token;
	}

	/**
	 * The monitoring token.
	 * @return the token that reaches every service's metrics
	 */
	public String monitoringToken() {
		return this.tokens.getProperty(MONITORING);
	}

	/**
	 * The Kafka password of one user.
	 * @param user a Kafka user of {@link KafkaUsers}
	 * @return its password
	 */
	public String kafkaPassword(String user) {
		String password = this.tokens.getProperty(KAFKA + user);
		if (password == null) {
			throw new IllegalArgumentException("No Kafka user " + user);
		}
		return password;
	}

	/**
	 * The Kafka passwords of the producer services of the given states.
	 * @param states member states
	 * @return the password of each state's producer service, by state
	 */
	public Map<String, String> kafkaProducerPasswords(List<String> states) {
		Map<String, String> passwords = new LinkedHashMap<>();
		states.forEach((state) -> passwords.put(state, kafkaPassword(KafkaUsers.producer(state))));
		return passwords;
	}

	/**
	 * The aggregator's settings for these credentials, including the monitoring token's
	 * hash.
	 * @return the properties that give the aggregator its Kafka user and its readers:
	 * roles, the state of the state's reader, and the hashes of their tokens
	 */
	public Map<String, String> aggregatorProperties() {
		Map<String, String> properties = new LinkedHashMap<>(
				ClientSecurity.springProperties(KafkaUsers.AGGREGATOR, kafkaPassword(KafkaUsers.AGGREGATOR)));
		properties.put(MONITORING_PROPERTY, sha256(monitoringToken()));
		reader(properties, SECRETARIAT, "SECRETARIAT", null);
		reader(properties, stateReader(), "STATE", this.readerState);
		reader(properties, OBSERVER, "OBSERVER", null);
		return properties;
	}

	private void reader(Map<String, String> properties, String name, String role, String state) {
		String prefix = "jointops.reader-tokens." + name + ".";
		properties.put(prefix + "role", role);
		if (state != null) {
			properties.put(prefix + "state", state);
		}
		properties.put(prefix + "hashes", sha256(readerToken(name)));
	}

	/**
	 * The API token of one agency of one state.
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
	 * The file the credentials are kept in.
	 * @return where the tokens are kept
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * A producer service's settings for these credentials, including the monitoring
	 * token's hash.
	 * @param state a state code
	 * @return the properties that give its producer its Kafka user and the hashes of its
	 * agencies' tokens
	 */
	public Map<String, String> producerProperties(String state) {
		String user = KafkaUsers.producer(state);
		Map<String, String> properties = new LinkedHashMap<>(
				ClientSecurity.springProperties(user, kafkaPassword(user)));
		properties.put(MONITORING_PROPERTY, sha256(monitoringToken()));
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
