package org.jointops.kafkanode.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jointops.kafkanode.AccessControl;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaNode;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A node whose listeners are {@code SASL_SSL} (certificates from
 * {@link CertificateAuthority}): a service's user writes and reads over TLS with the CA
 * trusted; a plaintext client and a client that does not trust the CA get nothing.
 */
class TlsNodeIntegrationTests {

	private static final String ADMIN_PASSWORD = "admin-test-secret";

	@TempDir
	static Path directory;

	private static KafkaNode node;

	private static KafkaTls tls;

	@BeforeAll
	static void startNode() throws Exception {
		CertificateAuthority authority = CertificateAuthority.open(directory.resolve("certs"));
		tls = KafkaTls.node(authority.host("localhost", List.of("127.0.0.1")), authority.trustStore());
		node = new KafkaNode(directory.resolve("node"), freePort(), freePort(), ADMIN_PASSWORD, Map.of(), tls).start();
		try (Admin admin = node.admin()) {
			AccessControl.applyProducer(admin, "KAZ", password(KafkaUsers.producer("KAZ")));
			admin.createTopics(List.of(new NewTopic(Topics.findings("KAZ"), 1, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void aServicesUserWritesAndReadsItsTopicOverTlsTrustingTheCa() throws Exception {
		String user = KafkaUsers.producer("KAZ");
		Map<String, Object> client = client(ClientSecurity.scram(user, password(user), tls.forClients()));
		assertThat(client).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
			.doesNotContainKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
		client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.findings("KAZ"), "k".getBytes(StandardCharsets.UTF_8),
						"sealed".getBytes(StandardCharsets.UTF_8)))
				.get(20, TimeUnit.SECONDS);
		}
		Map<String, Object> reader = client(ClientSecurity.scram(user, password(user), tls.forClients()));
		reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(reader, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(Topics.findings("KAZ"), 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(20));
			assertThat(records.records(partition)).singleElement()
				.extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
				.isEqualTo("sealed");
		}
	}

	@Test
	void aPlaintextClientIsNotAnsweredByTheTlsListener() {
		Map<String, Object> plaintext = client(ClientSecurity.admin(ADMIN_PASSWORD));
		assertThat(plaintext).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		try (Admin admin = Admin.create(plaintext)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
					.clusterId()
					.get(10, TimeUnit.SECONDS));
		}
	}

	@Test
	void aClientThatDoesNotTrustTheCaFailsTheHandshake() {
		Map<String, Object> untrusting = client(ClientSecurity.admin(ADMIN_PASSWORD, tls.forClients()));
		// the JDK's own trust store, which has no jointops CA
		untrusting.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
		untrusting.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
		untrusting.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
		try (Admin admin = Admin.create(untrusting)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(10_000))
					.clusterId()
					.get(15, TimeUnit.SECONDS))
				.withCauseInstanceOf(SslAuthenticationException.class);
		}
	}

	private static Map<String, Object> client(Map<String, Object> security) {
		Map<String, Object> properties = new HashMap<>(security);
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		return properties;
	}

	private static String password(String user) {
		return "secret-of-" + user;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
