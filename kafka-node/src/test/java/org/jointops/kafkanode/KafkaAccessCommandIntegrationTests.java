package org.jointops.kafkanode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
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
 * The operator's command on a real KRaft node in this JVM with SASL/SCRAM and the
 * standard authorizer, connecting as its administrator from a Kafka client properties
 * file as an operator would; what it grants is then tried with plain Kafka clients logged
 * in as the users it made. Each test works on a state of its own, so that they share one
 * node in any order.
 */
class KafkaAccessCommandIntegrationTests {

	private static final String ADMIN_PASSWORD = "admin-test-secret";

	@TempDir
	static Path directory;

	private static KafkaNode node;

	private static Path commandConfig;

	private static Admin administrator;

	@BeforeAll
	static void startNode() throws Exception {
		node = new KafkaNode(directory.resolve("node"), freePort(), freePort(), ADMIN_PASSWORD, Map.of()).start();
		Properties admin = new Properties();
		ClientSecurity.admin(ADMIN_PASSWORD).forEach((key, value) -> admin.setProperty(key, value.toString()));
		commandConfig = directory.resolve("admin.properties");
		try (var writer = Files.newBufferedWriter(commandConfig)) {
			admin.store(writer, "the administrator, as an operator keeps it");
		}
		administrator = node.admin();
		List<NewTopic> topics = List.of("KGZ", "RUS", "TJK", "ARM", "BLR")
			.stream()
			.map((state) -> new NewTopic(Topics.findings(state), 1, (short) 1))
			.toList();
		administrator.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(node.adminClientProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			send(producer, Topics.findings("RUS"));
		}
	}

	@AfterAll
	static void stopNode() {
		if (administrator != null) {
			administrator.close();
		}
		if (node != null) {
			node.close();
		}
	}

	@Test
	void aNewStatesProducerUserWritesItsOwnFindingsTopicAndCannotReadAnotherStatesOnceTheCommandRan() throws Exception {
		String user = KafkaUsers.producer("KGZ");
		try (KafkaProducer<byte[], byte[]> producer = producer(user)) {
			assertThatExceptionOfType(Exception.class).as("no user before the command")
				.isThrownBy(() -> send(producer, Topics.findings("KGZ")))
				.withRootCauseInstanceOf(SaslAuthenticationException.class);
		}

		Result result = run("producer", "--state", "KGZ", "--password-file", passwordFile(user));

		assertThat(result.code()).isZero();
		assertThat(result.out()).isEqualTo("user producer-kgz: created; ACLs: "
				+ AccessControl.producerAcls("KGZ").size() + " granted, 0 already in place\n");
		assertThat(result.err()).isEmpty();
		try (KafkaProducer<byte[], byte[]> producer = producer(user)) {
			assertThat(send(producer, Topics.findings("KGZ")).topic()).isEqualTo("findings.kgz");
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(user)) {
			consumer.assign(List.of(new TopicPartition(Topics.findings("RUS"), 0)));
			consumer.seekToBeginning(consumer.assignment());
			assertThatExceptionOfType(TopicAuthorizationException.class)
				.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.withMessageContaining("findings.rus");
		}
	}

	@Test
	void runningTheCommandAgainChangesNoUserAndNoAclAndTheUserStillLogsIn() throws Exception {
		String user = KafkaUsers.producer("TJK");
		String passwordFile = passwordFile(user);
		assertThat(run("producer", "--state", "TJK", "--password-file", passwordFile).code()).isZero();
		Set<AclBinding> aclsBefore = new HashSet<>(AccessControl.allAcls(admin()));
		Set<String> usersBefore = AccessControl.scramUsers(admin()).keySet();

		Result again = run("producer", "--state", "tjk", "--password-file", passwordFile);

		assertThat(again.code()).isZero();
		assertThat(again.out()).isEqualTo("user producer-tjk: password written again; ACLs: 0 granted, "
				+ AccessControl.producerAcls("TJK").size() + " already in place\n");
		assertThat(new HashSet<>(AccessControl.allAcls(admin()))).isEqualTo(aclsBefore);
		assertThat(AccessControl.scramUsers(admin()).keySet()).isEqualTo(usersBefore);
		try (KafkaProducer<byte[], byte[]> producer = producer(user)) {
			assertThat(send(producer, Topics.findings("TJK")).topic()).isEqualTo("findings.tjk");
		}
	}

	@Test
	void listShowsEachJointopsUserWithItsAclsAndWhatIsMissingWhichTheCommandThenGrants() throws Exception {
		String user = KafkaUsers.producer("ARM");
		assertThat(run("producer", "--state", "ARM", "--password-file", passwordFile(user)).code()).isZero();

		Result list = run("list");

		assertThat(list.code()).isZero();
		assertThat(list.out()).contains("producer-arm  SCRAM-SHA-256 (4096 iterations)\n")
			.containsPattern("\n  TOPIC +findings\\.arm +ALLOW CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ, WRITE\n")
			.contains("every ACL of its state's producer in place (" + AccessControl.producerAcls("ARM").size() + ")");

		AclBinding registerRead = AccessControl.producerAcls("ARM")
			.stream()
			.filter((acl) -> acl.pattern().name().equals(Topics.REGISTER)
					&& acl.entry().operation() == AclOperation.READ)
			.findFirst()
			.orElseThrow();
		admin().deleteAcls(List.of(registerRead.toFilter())).all().get(30, TimeUnit.SECONDS);
		assertThat(run("list").out()).containsPattern(
				"MISSING 1 of the \\d+ ACLs of its state's producer:\n" + " +TOPIC +council\\.register +ALLOW READ\n");

		assertThat(run("producer", "--state", "ARM", "--password-file", passwordFile(user)).out())
			.contains("ACLs: 1 granted, " + (AccessControl.producerAcls("ARM").size() - 1) + " already in place");
		assertThat(AccessControl.aclsOf(admin(), user)).contains(registerRead);
	}

	@Test
	void theAggregatorsUserTakesItsPasswordFromStandardInputAndReadsEveryFindingsTopic() {
		Result result = runWithInput(password(KafkaUsers.AGGREGATOR) + "\n", "aggregator", "--password-file", "-");

		assertThat(result.code()).isZero();
		assertThat(result.out()).startsWith("user aggregator: ");
		assertThat(AccessControl.aclsOf(admin(), KafkaUsers.AGGREGATOR))
			.containsExactlyInAnyOrderElementsOf(AccessControl.aggregatorAcls(KafkaUsers.AGGREGATOR_APPLICATION_ID));
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(KafkaUsers.AGGREGATOR)) {
			consumer.assign(List.of(new TopicPartition(Topics.findings("RUS"), 0)));
			consumer.seekToBeginning(consumer.assignment());
			assertThat(consumer.poll(Duration.ofSeconds(10)).count()).isPositive();
		}
		assertThat(run("list").out()).contains("every ACL of the aggregator (application id jointops-aggregator)");
	}

	@Test
	void removingAStatesProducerLocksItsUserOutAndKeepsItsTopic() throws Exception {
		String user = KafkaUsers.producer("BLR");
		assertThat(run("producer", "--state", "BLR", "--password-file", passwordFile(user)).code()).isZero();

		Result removed = run("remove-producer", "--state", "BLR");

		assertThat(removed.code()).isZero();
		assertThat(removed.out()).isEqualTo("user producer-blr: deleted; ACLs: "
				+ AccessControl.producerAcls("BLR").size() + " deleted (its topics are kept)\n");
		assertThat(AccessControl.aclsOf(admin(), user)).isEmpty();
		assertThat(AccessControl.scramUsers(admin())).doesNotContainKey(user);
		assertThat(run("list").out()).doesNotContain(user);
		try (KafkaProducer<byte[], byte[]> producer = producer(user)) {
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> send(producer, Topics.findings("BLR")))
				.withRootCauseInstanceOf(SaslAuthenticationException.class);
		}
		assertThat(admin().listTopics().names().get(30, TimeUnit.SECONDS)).contains(Topics.findings("BLR"));
		assertThat(run("remove-producer", "--state", "BLR").out()).contains("nothing to remove");
	}

	@Test
	void aBadStateCodeOrAWrongAdministratorPasswordFailsWithItsReasonInOneLine() throws IOException {
		Result badState = run("producer", "--state", "K4Z", "--password-file", passwordFile("producer-kaz"));
		assertThat(badState.code()).isEqualTo(KafkaAccessCommand.USAGE);
		assertThat(badState.err()).startsWith("kafka-access: Not an ISO 3166-1 alpha-3 state code: 'K4Z'\n");

		Properties wrong = new Properties();
		ClientSecurity.admin("not-the-password").forEach((key, value) -> wrong.setProperty(key, value.toString()));
		Path wrongConfig = directory.resolve("wrong.properties");
		try (var writer = Files.newBufferedWriter(wrongConfig)) {
			wrong.store(writer, null);
		}
		Result refused = runAs(wrongConfig, "", "list");
		assertThat(refused.code()).isEqualTo(KafkaAccessCommand.FAILED);
		assertThat(refused.err()).startsWith("kafka-access: cannot describe the Kafka users: the cluster refused "
				+ "the --command-config credentials: SaslAuthenticationException");
		assertThat(refused.err().lines()).hasSize(1);
		assertThat(refused.out()).isEmpty();
	}

	@Test
	void aClusterWithoutAnAuthorizerIsRefusedBeforeAnyUserIsWritten() {
		try (KafkaNode open = new KafkaNode(directory.resolve("no-authorizer"), freePort(), freePort(), ADMIN_PASSWORD,
				Map.of("authorizer.class.name", ""))
			.start(); Admin openAdmin = open.admin()) {
			String[] line = { "producer", "--state", "UZB", "--password-file", passwordFile("producer-uzb"),
					"--bootstrap-server", open.bootstrapServers(), "--command-config", commandConfig.toString() };
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int code = KafkaAccessCommand.run(line, new ByteArrayInputStream(new byte[0]),
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));

			assertThat(code).isEqualTo(KafkaAccessCommand.FAILED);
			assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("kafka-access: cannot describe the ACLs of "
					+ "producer-uzb: the cluster has no authorizer (authorizer.class.name), so no ACL can be granted\n");
			assertThat(AccessControl.scramUsers(openAdmin)).isEmpty();
		}
	}

	private static Result run(String... args) {
		return runWithInput("", args);
	}

	private static Result runWithInput(String stdin, String... args) {
		return runAs(commandConfig, stdin, args);
	}

	private static Result runAs(Path config, String stdin, String... args) {
		String[] line = new String[args.length + 4];
		System.arraycopy(args, 0, line, 0, args.length);
		line[args.length] = "--bootstrap-server";
		line[args.length + 1] = node.bootstrapServers();
		line[args.length + 2] = "--command-config";
		line[args.length + 3] = config.toString();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = KafkaAccessCommand.run(line, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String passwordFile(String user) {
		try {
			return Files.writeString(directory.resolve(user + ".password"), password(user) + "\n").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Admin admin() {
		return administrator;
	}

	private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String topic) throws Exception {
		return producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8), new byte[] { 1 }))
			.get(30, TimeUnit.SECONDS);
	}

	private static KafkaProducer<byte[], byte[]> producer(String user) {
		Map<String, Object> properties = clientProperties(user);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String user) {
		Map<String, Object> properties = clientProperties(user);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static Map<String, Object> clientProperties(String user) {
		Map<String, Object> properties = new HashMap<>(ClientSecurity.scram(user, password(user)));
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

	private record Result(int code, String out, String err) {
	}

}
