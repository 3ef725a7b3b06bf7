package org.jointops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.MemberState;
import org.jointops.kafkanode.KafkaNode;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.report.ReportRevision;
import org.jointops.wire.AvroSingleObjectSerializer;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The Kafka node of a {@link WithEmbeddedKafka} test: a {@link KafkaNode} in a temporary
 * directory, with the users and ACLs of every member state's producer and of the
 * aggregator.
 */
public final class EmbeddedKafkaNode implements AutoCloseable {

	/** Every member state of the bundled catalogue: each has its producer user. */
	public static final List<String> STATES = CatalogueLoader.bundled()
		.states()
		.stream()
		.map(MemberState::code)
		.toList();

	/**
	 * The services' replication settings for a single node
	 * ({@code jointops.kafka.replication.*}, whose defaults are a three-broker
	 * cluster's): one replica of every topic, one in sync for a write.
	 */
	public static final Map<String, String> ONE_REPLICA = Map.of("jointops.kafka.replication.replication-factor", "1",
			"jointops.kafka.replication.min-insync-replicas", "1");

	private final Path directory;

	private final KafkaNode node;

	private KafkaProducer<byte[], byte[]> producer;

	private EmbeddedKafkaNode(Path directory, KafkaNode node) {
		this.directory = directory;
		this.node = node;
	}

	/**
	 * Starts a node and grants every state's producer and the aggregator their access.
	 * @return the node
	 */
	public static EmbeddedKafkaNode start() {
		Path directory;
		try {
			directory = Files.createTempDirectory("jointops-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KafkaNode node = new KafkaNode(directory, FreePorts.next(), FreePorts.next(),
				Credentials.kafkaPassword(KafkaUsers.ADMIN), Map.of("group.initial.rebalance.delay.ms", "0"));
		EmbeddedKafkaNode embedded = new EmbeddedKafkaNode(directory, node);
		try {
			node.start();
			try (Admin admin = node.admin()) {
				Credentials.grantKafkaAccess(admin, STATES);
			}
			return embedded;
		}
		catch (RuntimeException ex) {
			embedded.close();
			throw ex;
		}
	}

	public String bootstrapServers() {
		return this.node.bootstrapServers();
	}

	/**
	 * Settings of a client that works as the node's administrator, the only super user: a
	 * test's own producers and readers.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> adminClientProperties() {
		return this.node.adminClientProperties();
	}

	/**
	 * An administrator's client.
	 * @return an admin client; close it
	 */
	public Admin admin() {
		return this.node.admin();
	}

	/**
	 * Creates topics as the administrator, e.g. the findings topics an aggregator test
	 * reads (the aggregator's own user may not create them).
	 * @param topics the topics
	 * @return their names
	 */
	public CreatedTopics createTopics(NewTopic... topics) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the topics", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new CreatedTopics(Stream.of(topics).map(NewTopic::name).toList());
	}

	/**
	 * Creates the findings topics of the given states as the administrator, as the
	 * producers create them, e.g. before an aggregator's Kafka Streams subscribes.
	 * @param partitions the partitions of each topic
	 * @param states the states' codes, e.g. {@code KAZ}
	 * @return their names
	 */
	public CreatedTopics createFindingsTopics(int partitions, List<String> states) {
		return createTopics(states.stream()
			.map((state) -> new NewTopic(Topics.findings(state), partitions, (short) 1))
			.toArray(NewTopic[]::new));
	}

	/**
	 * Writes a report revision to its state's findings topic, keyed and encoded as the
	 * producer services do (single-object encoding), as the administrator.
	 * @param report the revision
	 * @return where it was written
	 */
	public RecordMetadata publish(ReportRevision report) {
		String topic = Topics.findings(report.getState());
		return send(topic, report.getReportId().getBytes(StandardCharsets.UTF_8),
				new AvroSingleObjectSerializer().serialize(topic, report));
	}

	/**
	 * Writes any bytes to a topic as the administrator, e.g. a poison record, and waits
	 * for the acknowledgement; records sent one after the other keep their order.
	 * @param topic the topic
	 * @param key the key's bytes
	 * @param value the value's bytes
	 * @return where it was written
	 */
	public synchronized RecordMetadata send(String topic, byte[] key, byte[] value) {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(adminClientProperties(), new ByteArraySerializer(),
					new ByteArraySerializer());
		}
		try {
			return this.producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot write to " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public synchronized void close() {
		if (this.producer != null) {
			this.producer.close();
		}
		this.node.close();
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// a temporary directory: the system cleans it up eventually
		}
	}

	/**
	 * Topics a test created, e.g. as a bean that must exist before Kafka Streams starts.
	 *
	 * @param names their names
	 */
	public record CreatedTopics(List<String> names) {
	}

	/** Starts a node for each {@link WithEmbeddedKafka} context. */
	static final class CustomizerFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return MergedAnnotations.search(MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
				.from(testClass)
				.isPresent(WithEmbeddedKafka.class) ? new Customizer() : null;
		}

	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			EmbeddedKafkaNode node = start();
			String state = context.getEnvironment().getProperty("jointops.state");
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.kafka.bootstrap-servers", node.bootstrapServers());
			properties.putAll((state != null) ? Credentials.producerKafkaProperties(state)
					: Credentials.aggregatorKafkaProperties());
			// one broker: one replica of every topic, unless the test itself says
			// otherwise
			PropertySource<?> inlined = context.getEnvironment()
				.getPropertySources()
				.get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
			ONE_REPLICA.forEach((key, value) -> {
				if (inlined == null || !inlined.containsProperty(key)) {
					properties.put(key, value);
				}
			});
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedKafka", properties));
			DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
			beans.registerSingleton("embeddedKafkaNode", node);
			beans.registerDisposableBean("embeddedKafkaNode", node::close);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
