package org.jointops.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.wire.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link TopicFollower} on a real node with SASL and ACLs: what it delivers, when it
 * says it has caught up, how it waits for a topic and for a missing ACL, and how it
 * stops.
 */
class TopicFollowerIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final TopicFollower.Timing FAST = TopicFollower.Timing.DEFAULT
		.withBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
		.withPartitionCheck(Duration.ofMillis(500));

	/** The follower's own logs and those of the consumer it uses. */
	private static final String[] FOLLOWER_LOGGERS = { "org.jointops", "org.apache.kafka.clients.consumer",
			"org.apache.kafka.common" };

	private static final AtomicInteger topics = new AtomicInteger();

	private static EmbeddedKafkaNode kafka;

	private static KafkaProducer<String, String> producer;

	private final List<TopicFollower<?, ?>> followers = new ArrayList<>();

	private final List<ConsumerRecord<String, String>> delivered = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startKafka() {
		kafka = EmbeddedKafkaNode.start();
		Map<String, Object> settings = new HashMap<>(kafka.adminClientProperties());
		// one batch in flight: a batch refused by a partition just created (not its
		// leader
		// yet) cannot be overtaken by the next one
		settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
		producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void stopKafka() {
		producer.close();
		kafka.close();
	}

	@AfterEach
	void stopFollowers() {
		this.followers.forEach(TopicFollower::stop);
	}

	@Test
	void deliversEveryRecordOfEveryPartitionFromTheStartInOrder() {
		String topic = createTopic(3);
		List<String> written = write(topic, 300);

		follow(topic);

		Awaitility.await("every record written")
			.atMost(PATIENCE)
			.untilAsserted(() -> assertThat(values()).containsExactlyInAnyOrderElementsOf(written));
		for (int partition = 0; partition < 3; partition++) {
			int p = partition;
			assertThat(this.delivered.stream().filter((record) -> record.partition() == p).map(ConsumerRecord::offset))
				.as("offsets of partition %d", partition)
				.isSorted()
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void readToEndCompletesOnlyOnceEveryRecordWrittenBeforeTheCallWasDelivered() throws Exception {
		String topic = createTopic(3);
		List<String> written = new ArrayList<>(write(topic, 2000));
		TopicFollower<String, String> follower = follow(topic);

		follower.readToEnd().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

		assertThat(values()).containsExactlyInAnyOrderElementsOf(written);

		written.addAll(write(topic, 500));
		assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();

		assertThat(values()).containsExactlyInAnyOrderElementsOf(written);
	}

	@Test
	void deliversACommittedTransactionAndNeverAnAbortedOne() throws Exception {
		String topic = createTopic(1);
		TopicFollower<String, String> follower = follow(topic);
		Map<String, Object> settings = new HashMap<>(kafka.adminClientProperties());
		settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "follower-test-" + topic);
		try (KafkaProducer<String, String> transactional = new KafkaProducer<>(settings, new StringSerializer(),
				new StringSerializer())) {
			transactional.initTransactions();
			transactional.beginTransaction();
			transactional.send(new ProducerRecord<>(topic, "a", "aborted-1"));
			transactional.send(new ProducerRecord<>(topic, "b", "aborted-2"));
			transactional.flush();
			transactional.abortTransaction();
			transactional.beginTransaction();
			transactional.send(new ProducerRecord<>(topic, "c", "committed-1"));
			transactional.send(new ProducerRecord<>(topic, "d", "committed-2"));
			transactional.commitTransaction();
			transactional.beginTransaction();
			transactional.send(new ProducerRecord<>(topic, "e", "open"));
			transactional.flush();

			assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();
			assertThat(values()).as("caught up to the open transaction").containsExactly("committed-1", "committed-2");

			transactional.commitTransaction();
		}
		assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();
		assertThat(values()).containsExactly("committed-1", "committed-2", "open");
	}

	@Test
	void waitsQuietlyForATopicThatDoesNotExistYetAndFollowsItOnceCreated() throws Exception {
		String topic = "follower-late-" + topics.incrementAndGet();
		try (CapturedLogs logs = CapturedLogs.all()) {
			TopicFollower<String, String> follower = follow(topic);

			assertThat(follower.awaitCaughtUp(PATIENCE)).as("nothing to read before the topic exists").isTrue();
			kafka.createTopics(new NewTopic(topic, 2, (short) 1));
			List<String> written = write(topic, 20);

			Awaitility.await("the records of the new topic")
				.atMost(PATIENCE)
				.untilAsserted(() -> assertThat(values()).containsExactlyInAnyOrderElementsOf(written));
			assertThat(logs.warningsFrom(FOLLOWER_LOGGERS)).isEmpty();
			assertThat(follower.failedAttempts()).isZero();
		}
	}

	@Test
	void picksUpPartitionsAddedToTheTopic() throws Exception {
		String topic = createTopic(1);
		List<String> written = new ArrayList<>(write(topic, 5));
		TopicFollower<String, String> follower = follow(topic);
		assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();

		try (Admin admin = kafka.admin()) {
			admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
		}
		for (int partition = 1; partition < 3; partition++) {
			String value = "added-" + partition;
			producer.send(new ProducerRecord<>(topic, partition, value, value)).get(30, TimeUnit.SECONDS);
			written.add(value);
		}

		Awaitility.await("the records of the added partitions")
			.atMost(PATIENCE)
			.untilAsserted(() -> assertThat(values()).containsExactlyInAnyOrderElementsOf(written));
		assertThat(this.delivered.stream().map(ConsumerRecord::partition).distinct()).containsExactlyInAnyOrder(0, 1,
				2);
	}

	@Test
	void logsALastingAuthorizationFailureOnceAndItsEndOnce() throws Exception {
		String topic = createTopic(1);
		List<String> written = write(topic, 3);
		String user = KafkaUsers.producer("KAZ");
		Map<String, Object> denied = new HashMap<>(ClientSecurity.scram(user, Credentials.kafkaPassword(user)));
		denied.put("bootstrap.servers", kafka.bootstrapServers());
		try (CapturedLogs logs = CapturedLogs.all()) {
			TopicFollower<String, String> follower = follow(topic, denied);

			Awaitility.await("many failed attempts").atMost(PATIENCE).until(() -> follower.failedAttempts() >= 30);
			List<String> warnings = logs.warningsFrom("org.jointops");
			assertThat(warnings).singleElement().asString().contains("TopicAuthorizationException");
			assertThat(logs.warningsFrom("org.apache.kafka.clients.consumer", "org.apache.kafka.common")).isEmpty();

			grantRead(user, topic);

			Awaitility.await("the records, once allowed")
				.atMost(PATIENCE)
				.untilAsserted(() -> assertThat(values()).containsExactlyElementsOf(written));
			assertThat(logs.warningsFrom("org.jointops")).isEqualTo(warnings);
			assertThat(logs.at(Level.INFO)).filteredOn((message) -> message.contains("works again")).hasSize(1);
		}
	}

	@Test
	void skipsAnUndecodableRecordAndOneItsListenerFailsOnAndGoesOn() throws Exception {
		String topic = createTopic(1);
		write(topic, List.of("1", "poison", "2", "boom", "3"));
		Deserializer<String> strict = (name, data) -> {
			String value = new String(data, StandardCharsets.UTF_8);
			if (value.equals("poison")) {
				throw new IllegalArgumentException("not a number: " + value);
			}
			return value;
		};
		List<Long> undecodable = new CopyOnWriteArrayList<>();
		TopicFollower<String, String> follower = new TopicFollower<>(
				new Topic<>(topic, Serdes.String(), Serdes.serdeFrom(new StringSerializer(), strict)),
				kafka.adminClientProperties(), "follower-" + topic, new TopicFollower.Listener<>() {

					@Override
					public void onRecord(ConsumerRecord<String, String> record) {
						if (record.value().equals("boom")) {
							throw new IllegalStateException("the listener fails");
						}
						TopicFollowerIntegrationTests.this.delivered.add(record);
					}

					@Override
					public void onUndecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
						undecodable.add(record.offset());
					}

				}, FAST);
		this.followers.add(follower);
		follower.start();

		assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();

		assertThat(values()).containsExactly("1", "2", "3");
		assertThat(undecodable).containsExactly(1L);
	}

	@Test
	void stopsQuietlyWithinItsBoundEvenWhenItsThreadIsInterrupted() throws Exception {
		String topic = createTopic(1);
		TopicFollower<String, String> follower = follow(topic);
		Thread thread = thread("jointops-follower-" + topic);
		try (CapturedLogs logs = CapturedLogs.all()) {
			for (int interrupt = 0; interrupt < 5; interrupt++) {
				thread.interrupt();
				List<String> written = write(topic, 1);
				Awaitility.await("a record written after an interrupt")
					.atMost(PATIENCE)
					.untilAsserted(() -> assertThat(values()).containsAll(written));
			}
			CompletableFuture<Void> pending = follower.readToEnd();
			thread.interrupt();
			long started = System.nanoTime();

			follower.stop();

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST.stopTimeout());
			assertThat(thread.isAlive()).isFalse();
			assertThat(pending).satisfiesAnyOf((future) -> assertThat(future).isCompleted(),
					(future) -> assertThat(future).isCancelled());
			assertThat(follower.isRunning()).isFalse();
			assertThat(follower.awaitCaughtUp(Duration.ofMillis(1))).isFalse();
			assertThat(logs.warningsFrom(FOLLOWER_LOGGERS)).isEmpty();
			assertThat(logs.events())
				.filteredOn((event) -> event.getLoggerName().startsWith("org.apache.kafka.clients.consumer")
						|| event.getLoggerName().startsWith("org.jointops"))
				.noneMatch((event) -> event.getThrowableProxy() != null);
		}
		assertThat(values()).hasSize(5);
	}

	private TopicFollower<String, String> follow(String topic) {
		return follow(topic, kafka.adminClientProperties());
	}

	private TopicFollower<String, String> follow(String topic, Map<String, Object> client) {
		TopicFollower<String, String> follower = new TopicFollower<>(
				new Topic<>(topic, Serdes.String(), Serdes.String()), client, "follower-" + topic, this.delivered::add,
				FAST);
		this.followers.add(follower);
		follower.start();
		return follower;
	}

	private List<String> values() {
		return this.delivered.stream().map(ConsumerRecord::value).toList();
	}

	private static String createTopic(int partitions) {
		String topic = "follower-" + topics.incrementAndGet();
		kafka.createTopics(new NewTopic(topic, partitions, (short) 1));
		return topic;
	}

	private static List<String> write(String topic, int count) {
		return write(topic,
				IntStream.range(0, count).mapToObj((i) -> topic + "-" + i + "-" + System.nanoTime()).toList());
	}

	private static List<String> write(String topic, List<String> values) {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (String value : values) {
			sent.add(producer.send(new ProducerRecord<>(topic, value, value)));
		}
		try {
			for (Future<RecordMetadata> future : sent) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot write to " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return values;
	}

	private static void grantRead(String user, String topic) throws Exception {
		ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
		List<AclBinding> acls = new ArrayList<>();
		for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
			acls.add(new AclBinding(resource,
					new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
		}
		try (Admin admin = kafka.admin()) {
			admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
		}
	}

	private static Thread thread(String name) {
		Optional<Thread> thread = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst();
		assertThat(thread).as("the thread %s", name).isPresent();
		return thread.get();
	}

}
