package org.jointops.localstack;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.tls.CertificateAuthority;
import org.jointops.kafkanode.tls.KafkaTls;
import org.jointops.kafkanode.tls.ServiceTls;

/**
 * The certificates of a stack started with {@code --tls}: a CA of its own under
 * {@code tls/} of the data directory, made on first use and kept (as
 * {@code ./jointops-certs --out DIR/tls --hosts localhost --also 127.0.0.1} would make
 * them), and one key store for everything on this machine, valid for {@code localhost}
 * and {@code 127.0.0.1}: the brokers' listeners, the services' HTTPS.
 */
final class StackTls {

	/** The directory under the data directory. */
	static final String DIRECTORY = "tls";

	private static final String HOST = "localhost";

	private final CertificateAuthority authority;

	private final CertificateAuthority.Store host;

	private StackTls(CertificateAuthority authority, CertificateAuthority.Store host) {
		this.authority = authority;
		this.host = host;
	}

	static StackTls open(Path dataDirectory) {
		CertificateAuthority authority = CertificateAuthority.open(dataDirectory.resolve(DIRECTORY));
		return new StackTls(authority, authority.host(HOST, List.of("127.0.0.1")));
	}

	/**
	 * The brokers' TLS: the host's key store, the CA trusted.
	 * @return the nodes' settings
	 */
	KafkaTls kafka() {
		return KafkaTls.node(this.host, this.authority.trustStore());
	}

	/**
	 * What every service adds to its settings: its Kafka clients over {@code SASL_SSL}
	 * trusting the CA, and HTTPS with the host's key store.
	 * @return the Spring properties
	 */
	Map<String, String> serviceProperties() {
		KafkaTls clients = kafka().forClients();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.security.protocol", ClientSecurity.protocol(clients).name);
		properties.putAll(clients.springProperties());
		properties.putAll(ServiceTls.springProperties(this.host, this.authority.trustStore()));
		return properties;
	}

	/**
	 * A TLS context that trusts the stack's CA, for its own HTTP clients.
	 * @return the context
	 */
	SSLContext clientContext() {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(this.authority.trustStore().load());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust the stack's CA", ex);
		}
	}

	Path caCertificate() {
		return this.authority.certificateFile();
	}

}
