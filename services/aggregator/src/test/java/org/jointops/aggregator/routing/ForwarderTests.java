package org.jointops.aggregator.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.kafka.streams.state.HostInfo;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.kafkanode.tls.CertificateAuthority;
import org.jointops.kafkanode.tls.ServiceTls;
import org.jointops.ledger.OperationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An instance that serves HTTPS asks the other instances over HTTPS, trusting the CA of
 * its own SSL bundle and checking that the other's certificate names the address it
 * advertises; without HTTPS it asks over HTTP.
 */
class ForwarderTests {

	@TempDir
	Path certs;

	private HttpsServer peer;

	@AfterEach
	void stopPeer() {
		if (this.peer != null) {
			this.peer.stop(0);
		}
	}

	@Test
	void anInstanceServingHttpsAsksAnotherOverHttpsTrustingItsBundlesCa() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.certs);
		CertificateAuthority.Store host = authority.host("aggregator-1", List.of("127.0.0.1"));
		HostInfo other = startPeer(host);

		runner(ServiceTls.springProperties(host, authority.trustStore())).run((context) -> {
			Forwarder forwarder = context.getBean(Forwarder.class);
			assertThat(forwarder.scheme()).isEqualTo("https");
			List<OperationState> operations = forwarder.operations(other, null, new HostInfo("127.0.0.1", 1));
			assertThat(operations).singleElement()
				.satisfies((state) -> assertThat(state.getOperation()).isEqualTo("ILLEGAL-2017"));
		});
	}

	@Test
	void anotherInstanceWhoseCertificateIsNotFromTheCaIsNotAsked() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(this.certs.resolve("ours"));
		CertificateAuthority stranger = CertificateAuthority.open(this.certs.resolve("theirs"));
		HostInfo other = startPeer(stranger.host("aggregator-2", List.of("127.0.0.1")));

		runner(ServiceTls.springProperties(authority.host("aggregator-1"), authority.trustStore())).run((context) -> {
			Forwarder forwarder = context.getBean(Forwarder.class);
			assertThatExceptionOfType(TotalsUnavailableException.class)
				.isThrownBy(() -> forwarder.operations(other, null, new HostInfo("127.0.0.1", 1)))
				.withMessageContaining("does not answer");
		});
	}

	@Test
	void withoutHttpsTheOthersAreAskedOverHttp() {
		runner(Map.of()).run((context) -> assertThat(context.getBean(Forwarder.class).scheme()).isEqualTo("http"));
	}

	private static ApplicationContextRunner runner(Map<String, String> properties) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withUserConfiguration(ForwarderConfiguration.class)
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new));
	}

	private HostInfo startPeer(CertificateAuthority.Store host) throws IOException, GeneralSecurityException {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(host.load(), host.password().toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		this.peer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.peer.setHttpsConfigurator(new HttpsConfigurator(context));
		this.peer.createContext("/api/v1/operations", (exchange) -> {
			byte[] body = """
					{"operations":[{"operation":"ILLEGAL-2017","version":3,"reports":2,"updatedAt":"2026-12-01T10:00:00Z"}]}"""
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.peer.start();
		return new HostInfo("127.0.0.1", this.peer.getAddress().getPort());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerProperties.class, InstancesProperties.class })
	@Import(Forwarder.class)
	static class ForwarderConfiguration {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}

	}

}
