package org.jointops.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.jointops.kafkanode.AccessControl;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;

/**
 * The credentials tests use: agency X's API token is {@code test-token-x}, on every
 * producer; the aggregator's reader R has {@code test-reader-token-r}; Kafka user U has
 * the password {@code test-kafka-u}. Never used outside tests.
 */
public final class Credentials {

	/** Every agency of the bundled catalogue. */
	public static final List<String> AGENCIES = List.of("INTERIOR", "BORDER_GUARD", "CUSTOMS", "STATE_SECURITY",
			"DRUG_CONTROL", "FINANCIAL_INTELLIGENCE", "MIGRATION");

	/**
	 * The token of whoever operates the services: metrics, nothing else (both services).
	 */
	public static final String MONITORING_TOKEN = "test-monitoring-token";

	private static final String MONITORING_PROPERTY = "jointops.monitoring-tokens";

	private Credentials() {
	}

	/**
	 * The test token of an agency.
	 * @param agency an agency code, e.g. {@code INTERIOR}
	 * @return its test token
	 */
	public static String token(String agency) {
		return "test-token-" + agency.toLowerCase(Locale.ROOT);
	}

	/**
	 * The bearer header of an agency's test token.
	 * @param agency an agency code
	 * @return the value of an {@code Authorization} header for it
	 */
	public static String bearer(String agency) {
		return "Bearer " + token(agency);
	}

	/**
	 * The hashes of every agency's test token and of the monitoring token, as a
	 * producer's settings.
	 * @return the properties that give every agency its test token on a producer
	 */
	public static Map<String, String> producerProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(MONITORING_PROPERTY, sha256(MONITORING_TOKEN));
		AGENCIES.forEach((agency) -> properties.put("jointops.agency-tokens." + agency, sha256(token(agency))));
		return properties;
	}

	/** The aggregator's secretariat reader (role SECRETARIAT). */
	public static final String SECRETARIAT = "secretariat";

	/** The aggregator's observer reader (role OBSERVER). */
	public static final String OBSERVER = "observer";

	/** The aggregator's reader for Kazakhstan (role STATE, state KAZ). */
	public static final String STATE_KAZ = "kaz";

	/**
	 * The test token of a reader of the aggregator.
	 * @param reader a reader of the aggregator: {@link #SECRETARIAT}, {@link #OBSERVER}
	 * or {@link #STATE_KAZ}
	 * @return its test token
	 */
	public static String readerToken(String reader) {
		return "test-reader-token-" + reader;
	}

	/**
	 * The test readers and the monitoring token's hash, as the aggregator's settings.
	 * @return the properties that give the aggregator its test readers: a secretariat, an
	 * observer and Kazakhstan
	 */
	public static Map<String, String> aggregatorProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(MONITORING_PROPERTY, sha256(MONITORING_TOKEN));
		reader(properties, SECRETARIAT, "SECRETARIAT", null);
		reader(properties, OBSERVER, "OBSERVER", null);
		reader(properties, STATE_KAZ, "STATE", "KAZ");
		return properties;
	}

	private static void reader(Map<String, String> properties, String name, String role, String state) {
		String prefix = "jointops.reader-tokens." + name + ".";
		properties.put(prefix + "role", role);
		if (state != null) {
			properties.put(prefix + "state", state);
		}
		properties.put(prefix + "hashes", sha256(readerToken(name)));
	}

	/**
	 * The test password of a Kafka user.
	 * @param user a Kafka user of {@link KafkaUsers}
	 * @return its test password
	 */
	public static String kafkaPassword(String user) {
		return "test-kafka-" + user;
	}

	/**
	 * A producer service's Kafka credentials, as its settings.
	 * @param state a state code
	 * @return the Spring properties that make a producer service of that state
	 * authenticate to Kafka as its own user
	 */
	public static Map<String, String> producerKafkaProperties(String state) {
		String user = KafkaUsers.producer(state);
		return ClientSecurity.springProperties(user, kafkaPassword(user));
	}

	/**
	 * The aggregator's Kafka credentials, as its settings.
	 * @return the Spring properties that make the aggregator authenticate to Kafka as its
	 * user
	 */
	public static Map<String, String> aggregatorKafkaProperties() {
		return ClientSecurity.springProperties(KafkaUsers.AGGREGATOR, kafkaPassword(KafkaUsers.AGGREGATOR));
	}

	/**
	 * Creates the users of the states' producers and of the aggregator, with their test
	 * passwords, and grants their ACLs.
	 * @param admin an administrator's client of a node with SASL and ACLs
	 * @param states the states whose producers run
	 */
	public static void grantKafkaAccess(Admin admin, Collection<String> states) {
		Map<String, String> producers = new LinkedHashMap<>();
		states.forEach((state) -> producers.put(state, kafkaPassword(KafkaUsers.producer(state))));
		AccessControl.apply(admin, producers, kafkaPassword(KafkaUsers.AGGREGATOR),
				KafkaUsers.AGGREGATOR_APPLICATION_ID);
	}

	/**
	 * The hash of a token, as the configuration gives it.
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
