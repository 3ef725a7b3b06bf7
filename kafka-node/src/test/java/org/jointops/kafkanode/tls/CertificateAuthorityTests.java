package org.jointops.kafkanode.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The CA of {@code ./jointops-certs}: a host's certificate chains to it and names the
 * host, the stores work for TLS, a second run keeps what the first made, and passwords
 * are readable by their owner only.
 */
class CertificateAuthorityTests {

	@TempDir
	Path directory;

	@Test
	void aHostsCertificateChainsToTheCaInTheTrustStoreAndNamesTheHostAsAlternativeName() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		CertificateAuthority.Store store = authority.host("Kafka-1.example.org");

		assertThat(store.file()).hasFileName("kafka-1.example.org.p12");
		assertThat(store.alias()).isEqualTo("kafka-1.example.org");
		KeyStore keyStore = store.load();
		assertThat(keyStore.isKeyEntry("kafka-1.example.org")).isTrue();
		assertThat(keyStore.getKey("kafka-1.example.org", store.password().toCharArray())).isNotNull();
		Certificate[] chain = keyStore.getCertificateChain("kafka-1.example.org");
		assertThat(chain).hasSize(2);
		X509Certificate host = (X509Certificate) chain[0];
		assertThat(host.getSubjectAlternativeNames()).containsExactly(List.of(2, "kafka-1.example.org"));
		assertThat(host.getBasicConstraints()).isEqualTo(-1);
		assertThat(host.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");

		KeyStore trustStore = authority.trustStore().load();
		assertThat(Collections.list(trustStore.aliases())).containsExactly("ca");
		PKIXParameters parameters = new PKIXParameters(trustStore);
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(host)), parameters);
	}

	@Test
	void theCaCertificateIsWrittenInPemAndIsACaLimitedToSigningHosts() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		X509Certificate pem;
		try (InputStream in = Files.newInputStream(this.directory.resolve("ca.crt"))) {
			pem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		assertThat(Files.readString(this.directory.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(pem).isEqualTo(authority.certificate());
		assertThat(pem.getBasicConstraints()).isZero();
		assertThat(Files.readString(this.directory.resolve("ca.crt"))).doesNotContain("PRIVATE KEY");
	}

	@Test
	void anAddressIsNamedAsAnIpAlternativeNameAndFurtherNamesFollowTheHost() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		X509Certificate certificate = certificate(authority.host("localhost", List.of("127.0.0.1", "::1")));
		assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
	}

	@Test
	void aSecondRunReusesTheCaKeepsEveryStoreAndAddsNewHosts() throws Exception {
		CertificateAuthority first = CertificateAuthority.open(this.directory);
		first.host("kafka-1");
		byte[] caStore = Files.readAllBytes(this.directory.resolve("ca.p12"));
		byte[] trustStore = Files.readAllBytes(this.directory.resolve("truststore.p12"));
		byte[] hostStore = Files.readAllBytes(this.directory.resolve("kafka-1.p12"));
		String hostPassword = Files.readString(this.directory.resolve("kafka-1.password"));

		CertificateAuthority second = CertificateAuthority.open(this.directory);
		second.host("kafka-1");
		CertificateAuthority.Store added = second.host("kafka-2");

		assertThat(second.certificate()).isEqualTo(first.certificate());
		assertThat(this.directory.resolve("ca.p12")).hasBinaryContent(caStore);
		assertThat(this.directory.resolve("truststore.p12")).hasBinaryContent(trustStore);
		assertThat(this.directory.resolve("kafka-1.p12")).hasBinaryContent(hostStore);
		assertThat(this.directory.resolve("kafka-1.password")).hasContent(hostPassword);
		certificate(added).verify(first.certificate().getPublicKey());
		assertThat(files()).containsExactly("ca.crt", "ca.p12", "ca.password", "kafka-1.p12", "kafka-1.password",
				"kafka-2.p12", "kafka-2.password", "truststore.p12", "truststore.password");
	}

	@Test
	void aDeletedHostStoreIsMadeAgainWithANewKeyFromTheSameCa() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		X509Certificate before = certificate(authority.host("aggregator-1"));
		Files.delete(this.directory.resolve("aggregator-1.p12"));

		X509Certificate after = certificate(CertificateAuthority.open(this.directory).host("aggregator-1"));

		assertThat(after.getPublicKey()).isNotEqualTo(before.getPublicKey());
		after.verify(authority.certificate().getPublicKey());
	}

	@Test
	void passwordsAreOneRandomLineWithoutLineBreakReadableByTheOwnerOnly() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		authority.host("kafka-1");
		authority.host("kafka-2");
		List<String> passwords = List.of("ca.password", "truststore.password", "kafka-1.password", "kafka-2.password");
		for (String name : passwords) {
			Path file = this.directory.resolve(name);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name)
				.isEqualTo("rw-------");
			assertThat(Files.readString(file)).as(name).matches("[A-Za-z0-9_-]{32}");
		}
		assertThat(
				passwords.stream().map((name) -> this.directory.resolve(name)).map(CertificateAuthority::readPassword))
			.doesNotHaveDuplicates();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory.resolve("kafka-1.p12"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory.resolve("ca.p12"))))
			.isEqualTo("rw-------");
	}

	@Test
	void aNameThatIsNeitherAHostNameNorAnAddressIsRefused() {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		assertThatIllegalArgumentException().isThrownBy(() -> authority.host("../etc/passwd"))
			.withMessage("Not a host name or IP address: '../etc/passwd'");
		assertThatIllegalArgumentException().isThrownBy(() -> authority.host("kafka_1"));
		assertThatIllegalArgumentException().isThrownBy(() -> authority.host("-kafka"));
		assertThatIllegalArgumentException().isThrownBy(() -> authority.host("*.example.org"));
	}

	@Test
	void aClientTrustingTheTrustStoreCompletesAHandshakeWithAHostVerifyingItsName() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.directory);
		CertificateAuthority.Store host = authority.host("localhost");
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(host.load(), host.password().toCharArray());
		SSLContext serverContext = SSLContext.getInstance("TLS");
		serverContext.init(keys.getKeyManagers(), null, null);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(authority.trustStore().load());
		SSLContext clientContext = SSLContext.getInstance("TLS");
		clientContext.init(null, trust.getTrustManagers(), null);

		try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
				try (SSLSocket socket = (SSLSocket) server.accept(); InputStream in = socket.getInputStream()) {
					return in.read();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
				.createSocket("localhost", server.getLocalPort())) {
				SSLParameters parameters = client.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				client.setSSLParameters(parameters);
				client.startHandshake();
				assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(certificate(host));
				OutputStream out = client.getOutputStream();
				out.write(42);
				out.flush();
			}
			assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(42);
		}
	}

	private static X509Certificate certificate(CertificateAuthority.Store store) throws Exception {
		return (X509Certificate) store.load().getCertificate(store.alias());
	}

	private List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
