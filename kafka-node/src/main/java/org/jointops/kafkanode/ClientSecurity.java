package org.jointops.kafkanode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How a client authenticates to a jointops node: SASL over the node's one client
 * listener, SCRAM-SHA-256 for the services' users, PLAIN for the administrator.
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
		return client(SCRAM, "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
	}

	/**
	 * Kafka client properties for the administrator.
	 * @param password the node's administrator password
	 * @return {@code security.protocol}, {@code sasl.mechanism} and
	 * {@code sasl.jaas.config}
	 */
	public static Map<String, Object> admin(String password) {
		return client(PLAIN, "org.apache.kafka.common.security.plain.PlainLoginModule", KafkaUsers.ADMIN, password);
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
		Map<String, String> properties = new LinkedHashMap<>();
		scram(user, password).forEach((key, value) -> {
			String name = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG.equals(key) ? "spring.kafka.security.protocol"
					: "spring.kafka.properties." + key;
			properties.put(name, value.toString());
		});
		return properties;
	}

	static String jaas(String loginModule, String user, String password) {
		return loginModule + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";";
	}

	private static Map<String, Object> client(String mechanism, String loginModule, String user, String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
		properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(loginModule, user, password));
		return properties;
	}

	private static String quoted(String value) {
		if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
			throw new IllegalArgumentException("A Kafka user name or password may not contain \" or \\");
		}
		return value;
	}

}
