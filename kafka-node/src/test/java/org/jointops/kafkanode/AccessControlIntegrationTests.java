package org.jointops.kafkanode;

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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The broker itself keeps each principal to its own topics: a real KRaft node in this JVM
 * with SASL and the standard authorizer, the users and ACLs of {@link AccessControl}, and
 * plain Kafka clients, one per principal.
 */
class AccessControlIntegrationTests {

	private static final String ADMIN_PASSWORD = "admin-test-secret";

	private static final String APPLICATION_ID = "jointops-aggregator";

	@TempDir
	static Path directory;

	private static KafkaNode node;

	@BeforeAll
	static void startNode() throws Exception {
		node = new KafkaNode(directory, freePort(), freePort(), ADMIN_PASSWORD, Map.of()).start();
		try (Admin admin = node.admin()) {
			AccessControl.apply(admin, Map.of("KAZ", password("producer-kaz"), "RUS", password("producer-rus")),
					password(KafkaUsers.AGGREGATOR), APPLICATION_ID);
			admin.createTopics(List.of(new NewTopic(Topics.findings("KAZ"), 1, (short) 1),
					new NewTopic(Topics.findings("RUS"), 1, (short) 1),
					new NewTopic(Topics.COUNCIL_TOTALS, 1, (short) 1), new NewTopic(Topics.CATALOGUE, 1, (short) 1)))
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
	void aStateWritesItsOwnFindingsTopic() throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("KAZ"))) {
			RecordMetadata written = send(producer, Topics.findings("KAZ"));
			assertThat(written.topic()).isEqualTo("findings.kaz");
		}
	}

	@Test
	void theBrokerRefusesAStateAnotherStatesTopic() {
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("KAZ"))) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, Topics.findings("RUS")))
				.withCauseInstanceOf(TopicAuthorizationException.class)
				.withMessageContaining("findings.rus");
		}
	}

	@Test
	void theBrokerRefusesAStateTheCouncilTotals() {
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("RUS"))) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, Topics.COUNCIL_TOTALS))
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(KafkaUsers.producer("RUS"))) {
			consumer.assign(List.of(new TopicPartition(Topics.COUNCIL_TOTALS, 0)));
			assertThatExceptionOfType(TopicAuthorizationException.class)
				.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)));
		}
	}

	@Test
	void theAggregatorReadsEveryFindingsTopicButWritesNone() throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("RUS"))) {
			send(producer, Topics.findings("RUS"));
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(KafkaUsers.AGGREGATOR)) {
			consumer.assign(List.of(new TopicPartition(Topics.findings("RUS"), 0)));
			consumer.seekToBeginning(consumer.assignment());
			ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(10));
			assertThat(records.count()).isPositive();
		}
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.AGGREGATOR)) {
			assertThat(send(producer, Topics.COUNCIL_TOTALS).topic()).isEqualTo(Topics.COUNCIL_TOTALS);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, Topics.findings("KAZ")))
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void theBrokerRefusesAStateAnotherStatesFindingsAndTheCatalogue() throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("RUS"))) {
			send(producer, Topics.findings("RUS"));
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(KafkaUsers.producer("KAZ"))) {
			consumer.assign(List.of(new TopicPartition(Topics.findings("RUS"), 0)));
			consumer.seekToBeginning(consumer.assignment());
			assertThatExceptionOfType(TopicAuthorizationException.class)
				.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)));
		}
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("KAZ"))) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, Topics.CATALOGUE))
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void aStateCreatesWritesAndReadsItsOwnersTopicWhichNoOtherPrincipalMayUse() throws Exception {
		String owners = Topics.owners("KAZ").name();
		try (Admin admin = Admin.create(clientProperties(KafkaUsers.producer("KAZ"), password("producer-kaz")))) {
			admin
				.createTopics(List.of(new NewTopic(owners, 1, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("KAZ"))) {
			assertThat(send(producer, owners).topic()).isEqualTo("owners.kaz");
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(KafkaUsers.producer("KAZ"))) {
			consumer.assign(List.of(new TopicPartition(owners, 0)));
			consumer.seekToBeginning(consumer.assignment());
			assertThat(consumer.poll(Duration.ofSeconds(10)).count()).isPositive();
		}
		try (KafkaProducer<byte[], byte[]> producer = producer(KafkaUsers.producer("RUS"))) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, owners))
				.withCauseInstanceOf(TopicAuthorizationException.class)
				.withMessageContaining("owners.kaz");
		}
		for (String other : List.of(KafkaUsers.producer("RUS"), KafkaUsers.AGGREGATOR)) {
			try (KafkaConsumer<byte[], byte[]> consumer = consumer(other)) {
				consumer.assign(List.of(new TopicPartition(owners, 0)));
				consumer.seekToBeginning(consumer.assignment());
				assertThatExceptionOfType(TopicAuthorizationException.class).as(other)
					.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)));
			}
		}
	}

	@Test
	void theAggregatorCannotDeleteTheDeadLetters() throws Exception {
		Map<String, Object> properties = clientProperties(KafkaUsers.AGGREGATOR, password(KafkaUsers.AGGREGATOR));
		try (Admin admin = Admin.create(properties)) {
			admin.createTopics(List.of(new NewTopic(Topics.DEAD_LETTER, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.deleteTopics(List.of(Topics.DEAD_LETTER)).all().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void aWrongPasswordIsRefused() {
		Map<String, Object> properties = clientProperties(KafkaUsers.producer("KAZ"), "not-the-password");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(withProducerDefaults(properties),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> send(producer, Topics.findings("KAZ")))
				.withRootCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String topic) throws Exception {
		return producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8), new byte[] { 1 }))
			.get(30, TimeUnit.SECONDS);
	}

	private static KafkaProducer<byte[], byte[]> producer(String user) {
		return new KafkaProducer<>(withProducerDefaults(clientProperties(user, password(user))),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static Map<String, Object> withProducerDefaults(Map<String, Object> properties) {
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		return properties;
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String user) {
		Map<String, Object> properties = clientProperties(user, password(user));
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static Map<String, Object> clientProperties(String user, String password) {
		Map<String, Object> properties = new HashMap<>(ClientSecurity.scram(user, password));
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers());
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
