package org.jointops.kafkanode.tls;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.SslConfigs;

/**
 * TLS on the connections of a jointops Kafka node or client, from the stores that
 * {@link CertificateAuthority} makes: a node presents its key store and trusts the CA
 * (its own connections to the other nodes are clients too); a client only trusts the CA
 * and checks that the node's certificate names the address it connected to (Kafka's
 * default {@code ssl.endpoint.identification.algorithm=https}).
 *
 * @param keyStore the node's key and certificate; null for a client
 * @param trustStore the CA's certificate
 */
public record KafkaTls(CertificateAuthority.Store keyStore, CertificateAuthority.Store trustStore) {

	/**
	 * Checks that there is a trust store.
	 */
	public KafkaTls {
		if (trustStore == null) {
			throw new IllegalArgumentException("TLS needs a trust store");
		}
	}

	/**
	 * TLS for a node.
	 * @param keyStore the node's store ({@link CertificateAuthority#host})
	 * @param trustStore the CA's ({@link CertificateAuthority#trustStore()})
	 * @return the settings
	 */
	public static KafkaTls node(CertificateAuthority.Store keyStore, CertificateAuthority.Store trustStore) {
		if (keyStore == null) {
			throw new IllegalArgumentException("A node's TLS needs a key store");
		}
		return new KafkaTls(keyStore, trustStore);
	}

	/**
	 * TLS for a client.
	 * @param trustStore the CA's ({@link CertificateAuthority#trustStore()})
	 * @return the settings
	 */
	public static KafkaTls client(CertificateAuthority.Store trustStore) {
		return new KafkaTls(null, trustStore);
	}

	/**
	 * The same for a client: the trust store alone.
	 * @return the settings without the key store
	 */
	public KafkaTls forClients() {
		return client(this.trustStore);
	}

	/**
	 * Kafka's {@code ssl.*} properties: the trust store, and the key store if there is
	 * one (PKCS12, the key's password the store's).
	 * @return the properties, passwords included
	 */
	public Map<String, String> kafkaProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		if (this.keyStore != null) {
			properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, CertificateAuthority.STORE_TYPE);
			properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, absolute(this.keyStore.file()));
			properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, this.keyStore.password());
			properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, this.keyStore.password());
		}
		properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, CertificateAuthority.STORE_TYPE);
		properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, absolute(this.trustStore.file()));
		properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, this.trustStore.password());
		return properties;
	}

	/**
	 * The trust store as Spring Boot's Kafka properties, for a service's every client.
	 * @return {@code spring.kafka.ssl.trust-store-location}, {@code -password} and
	 * {@code -type}
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.ssl.trust-store-location", "file:" + absolute(this.trustStore.file()));
		properties.put("spring.kafka.ssl.trust-store-password", this.trustStore.password());
		properties.put("spring.kafka.ssl.trust-store-type", CertificateAuthority.STORE_TYPE);
		return properties;
	}

	private static String absolute(Path file) {
		return file.toAbsolutePath().toString();
	}

}
