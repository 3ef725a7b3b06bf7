package org.jointops.kafkanode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.jointops.kafkanode.tls.KafkaTls;

/**
 * How a client authenticates to a jointops node: SASL over the node's one client
 * listener, SCRAM-SHA-256 for the services' users, PLAIN for the administrator;
 * {@code SASL_PLAINTEXT}, or {@code SASL_SSL} when the node's listeners have TLS
 * ({@link KafkaTls}: the client trusts the CA that signed the node's certificate).
 */
public final class ClientSecurity {

	/**
	 * The mechanism of the services' users, whose credentials live in the metadata log.
	 */
	public static final String SCRAM = "SCRAM-SHA-256";

	/**
	 * The mechanism of the administrator, whose password lives in the node's
	 * configuration.
	 */
	public static final String PLAIN = "PLAIN";

	private ClientSecurity() {
	}

	/**
	 * Kafka client properties for a service's user.
	 * @param user e.g. {@link KafkaUsers#producer(String)}
	 * @param password its password
	 * @return {@code security.protocol}, {@code sasl.mechanism} and
	 * {@code sasl.jaas.config}
	 */
	public static Map<String, Object> scram(String user, String password) {
		return scram(user, password, null);
	}

	/**
	 * Kafka client properties for a service's user, over TLS when it is given.
	 * @param user e.g. {@link KafkaUsers#producer(String)}
	 * @param password its password
	 * @param tls the CA to trust, or null for {@code SASL_PLAINTEXT}
	 * @return {@code security.protocol}, {@code sasl.*} and, with TLS, {@code ssl.*}
	 */
	public static Map<String, Object> scram(String user, String password, KafkaTls tls) {
		return client(SCRAM, "org.apache.kafka.common.security.scram.ScramLoginModule", user, password, tls);
	}

	/**
	 * Kafka client properties for the administrator.
	 * @param password the node's administrator password
	 * @return {@code security.protocol}, {@code sasl.mechanism} and
	 * {@code sasl.jaas.config}
	 */
	public static Map<String, Object> admin(String password) {
		return admin(password, null);
	}

	/**
	 * Kafka client properties for the administrator, over TLS when it is given.
	 * @param password the node's administrator password
	 * @param tls the CA to trust, or null for {@code SASL_PLAINTEXT}
	 * @return {@code security.protocol}, {@code sasl.*} and, with TLS, {@code ssl.*}
	 */
	public static Map<String, Object> admin(String password, KafkaTls tls) {
		return client(PLAIN, "org.apache.kafka.common.security.plain.PlainLoginModule", KafkaUsers.ADMIN, password,
				tls);
	}

	/**
	 * The same as Spring Boot properties, for a service: every client it makes (producer,
	 * consumers, admin, Kafka Streams) authenticates as this user.
	 * @param user the service's user
	 * @param password its password
	 * @return {@code spring.kafka.security.protocol} and
	 * {@code spring.kafka.properties.sasl.*}
	 */
	public static Map<String, String> springProperties(String user, String password) {
		return springProperties(user, password, null);
	}

	/**
	 * The same as Spring Boot properties, over TLS when it is given: the trust store as
	 * {@code spring.kafka.ssl.trust-store-*}.
	 * @param user the service's user
	 * @param password its password
	 * @param tls the CA to trust, or null for {@code SASL_PLAINTEXT}
	 * @return {@code spring.kafka.security.protocol},
	 * {@code spring.kafka.properties.sasl.*} and, with TLS, {@code spring.kafka.ssl.*}
	 */
	public static Map<String, String> springProperties(String user, String password, KafkaTls tls) {
		Map<String, String> properties = new LinkedHashMap<>();
		scram(user, password).forEach((key, value) -> {
			String name = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG.equals(key) ? "spring.kafka.security.protocol"
					: "spring.kafka.properties." + key;
			properties.put(name, value.toString());
		});
		if (tls != null) {
			properties.put("spring.kafka.security.protocol", SecurityProtocol.SASL_SSL.name);
			properties.putAll(tls.forClients().springProperties());
		}
		return properties;
	}

	/**
	 * The protocol of the client listener.
	 * @param tls the listener's TLS, or null
	 * @return {@code SASL_SSL} with TLS, else {@code SASL_PLAINTEXT}
	 */
	public static SecurityProtocol protocol(KafkaTls tls) {
		return (tls != null) ? SecurityProtocol.SASL_SSL : SecurityProtocol.SASL_PLAINTEXT;
	}

	static String jaas(String loginModule, String user, String password) {
		return loginModule + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";";
	}

	private static Map<String, Object> client(String mechanism, String loginModule, String user, String password,
			KafkaTls tls) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol(tls).name);
		properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(loginModule, user, password));
		if (tls != null) {
			properties.putAll(tls.forClients().kafkaProperties());
		}
		return properties;
	}

	private static String quoted(String value) {
		if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
			throw new IllegalArgumentException("A Kafka user name or password may not contain \" or \\");
		}
		return value;
	}

}
