package org.jointops.kafkanode.tls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTPS for a jointops service as Spring Boot properties: an SSL bundle named
 * {@value #BUNDLE} with the host's key store and the CA's trust store, served by the web
 * server ({@code server.ssl.bundle}); the trust store is also what the aggregator trusts
 * when it asks another instance. The same properties can be written by hand, with the
 * passwords read from the password files by Spring's {@code configtree:} import.
 */
public final class ServiceTls {

	/** The name of the services' SSL bundle. */
	public static final String BUNDLE = "server";

	private ServiceTls() {
	}

	/**
	 * The Spring Boot properties of HTTPS with these stores.
	 * @param keyStore the host's key store ({@link CertificateAuthority#host})
	 * @param trustStore the CA's ({@link CertificateAuthority#trustStore()})
	 * @return {@code spring.ssl.bundle.jks.server.*} and {@code server.ssl.bundle}
	 */
	public static Map<String, String> springProperties(CertificateAuthority.Store keyStore,
			CertificateAuthority.Store trustStore) {
		String bundle = "spring.ssl.bundle.jks." + BUNDLE + ".";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(bundle + "keystore.location", "file:" + keyStore.file().toAbsolutePath());
		properties.put(bundle + "keystore.password", keyStore.password());
		properties.put(bundle + "keystore.type", CertificateAuthority.STORE_TYPE);
		properties.put(bundle + "key.alias", keyStore.alias());
		properties.put(bundle + "truststore.location", "file:" + trustStore.file().toAbsolutePath());
		properties.put(bundle + "truststore.password", trustStore.password());
		properties.put(bundle + "truststore.type", CertificateAuthority.STORE_TYPE);
		properties.put("server.ssl.bundle", BUNDLE);
		return properties;
	}

}
