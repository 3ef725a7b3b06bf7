package org.jointops.testsupport.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.Directories;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.wire.Topics;

/**
 * A whole deployment as separate processes: one standalone KRaft broker or a cluster of
 * them (SASL and ACLs on, as in the local stack), a producer service per state (each as
 * its own Kafka user) and one or more aggregator instances (one Kafka Streams
 * application), each from its executable jar. By default everything runs on loopback; on
 * a {@link Network}, every broker and every service runs in a network namespace of its
 * own, listening on and advertising its own address.
 *
 * <pre>
 * try (Pipeline pipeline = Pipeline.in(dir).states("KAZ", "KGZ").start()) {
 *     pipeline.aggregator().kill();
 *     pipeline.restartAggregator(0, true);
 * }
 * try (Network network = Network.create("jopart");
 *         Pipeline pipeline = Pipeline.in(dir).brokers(3).on(network).states("KAZ").start()) {
 *     network.cut(pipeline.cluster().broker(2).host());
 * }
 * </pre>
 *
 * On a cluster of three, every topic the deployment uses has three replicas and needs two
 * in sync: the findings topics it creates itself, and the services' own topics and Kafka
 * Streams' internal topics through the services' settings
 * ({@link #producerReplicationSettings()}, {@link #aggregatorReplicationSettings()}).
 */
public final class Pipeline implements AutoCloseable {

	/** How long a service may take to start and report healthy on a busy machine. */
	public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path directory;

	private final List<String> states = new ArrayList<>();

	private final Map<String, String> aggregatorProperties = new LinkedHashMap<>();

	private int aggregatorCount = 1;

	private int brokerCount = 1;

	private Network network;

	private KafkaCluster cluster;

	private final Map<String, ServiceProcess> producers = new LinkedHashMap<>();

	private final List<ServiceProcess> aggregators = new ArrayList<>();

	private Pipeline(Path directory) {
		this.directory = directory.toAbsolutePath();
	}

	/**
	 * A pipeline whose broker data, process logs and every service's working files
	 * (Tomcat's, the aggregators' Kafka Streams state, temporary files) live under the
	 * directory, one subdirectory per service.
	 * @param directory its directory
	 * @return the pipeline, to configure and start
	 */
	public static Pipeline in(Path directory) {
		return new Pipeline(directory);
	}

	/**
	 * The states that get a producer service.
	 * @param codes state codes
	 * @return this pipeline
	 */
	public Pipeline states(String... codes) {
		this.states.addAll(List.of(codes));
		return this;
	}

	/**
	 * How many aggregator instances share the work (one Kafka Streams application).
	 * @param count instances
	 * @return this pipeline
	 */
	public Pipeline aggregators(int count) {
		this.aggregatorCount = count;
		return this;
	}

	/**
	 * How many Kafka nodes make the cluster: one (the default) or three or more, each a
	 * broker and a controller.
	 * @param count nodes
	 * @return this pipeline
	 */
	public Pipeline brokers(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("At least one broker, not " + count);
		}
		this.brokerCount = count;
		return this;
	}

	/**
	 * Runs every broker and every service in a namespace of its own on the network,
	 * instead of on loopback. The test keeps the network, and closes it after the
	 * pipeline.
	 * @param network the network
	 * @return this pipeline
	 */
	public Pipeline on(Network network) {
		this.network = network;
		return this;
	}

	/**
	 * A property for every aggregator instance, e.g.
	 * {@code spring.kafka.streams.properties.commit.interval.ms}.
	 * @param key property
	 * @param value value
	 * @return this pipeline
	 */
	public Pipeline aggregatorProperty(String key, String value) {
		this.aggregatorProperties.put(key, value);
		return this;
	}

	/**
	 * Starts the broker or brokers, creates the states' findings topics (so that the
	 * aggregator finds them all at once), then starts every service and waits until each
	 * is healthy.
	 * @return this pipeline
	 */
	public Pipeline start() {
		try {
			startAll();
			return this;
		}
		catch (RuntimeException | Error ex) {
			close(); // a half-started pipeline leaves nothing running
			throw ex;
		}
	}

	private void startAll() {
		List<Host> brokerHosts = new ArrayList<>();
		for (int node = 1; node <= this.brokerCount; node++) {
			brokerHosts.add((this.network != null) ? this.network.host("kafka-" + node) : Host.loopback());
		}
		this.cluster = KafkaCluster.of(this.directory.resolve("kafka"), brokerHosts).start();
		try (Admin admin = this.cluster.admin()) {
			Credentials.grantKafkaAccess(admin, this.states);
		}
		createFindingsTopics();
		for (String state : this.states) {
			Map<String, String> properties = producerProperties(state, this.cluster.bootstrapServers());
			properties.putAll(producerReplicationSettings());
			String name = "producer-" + state;
			this.producers.put(state, ServiceProcess.of(name, host(name.toLowerCase(Locale.ROOT)),
					ServiceJars.stateProducer(), properties, workDirectory(name), logs()));
		}
		for (int instance = 0; instance < this.aggregatorCount; instance++) {
			String name = aggregatorName(instance);
			Host host = host(name);
			Map<String, String> properties = aggregatorProperties(this.cluster.bootstrapServers(),
					aggregatorStateDirectory(instance));
			// where this instance answers (application.server): its own address
			properties.put("jointops.advertised-host", host.address());
			properties.putAll(aggregatorReplicationSettings());
			properties.putAll(instancesSettings());
			properties.putAll(this.aggregatorProperties);
			this.aggregators
				.add(ServiceProcess.of(name, host, ServiceJars.aggregator(), properties, workDirectory(name), logs()));
		}
		services().forEach(ServiceProcess::start);
		services().forEach((service) -> service.awaitHealthy(START_TIMEOUT));
	}

	/**
	 * A producer's settings that make the topics it creates replicated as the cluster
	 * requires ({@code jointops.kafka.replication.*}: one replica on a single node).
	 * @return property to value
	 */
	public Map<String, String> producerReplicationSettings() {
		return replicationSettings();
	}

	/**
	 * An aggregator's settings that make its topics and Kafka Streams' internal topics
	 * replicated as the cluster requires ({@code jointops.kafka.replication.*}).
	 * @return property to value
	 */
	public Map<String, String> aggregatorReplicationSettings() {
		return replicationSettings();
	}

	/**
	 * How the aggregator instances answer for each other: as many as the pipeline runs
	 * (with several, each store has a standby replica, the services' default), on
	 * loopback every instance on this one machine with a port of its own.
	 * @return property to value
	 */
	private Map<String, String> instancesSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("jointops.instances.expected", String.valueOf(this.aggregatorCount));
		settings.put("jointops.instances.one-host", String.valueOf(this.network == null));
		return settings;
	}

	private Map<String, String> replicationSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("jointops.kafka.replication.replication-factor", String.valueOf(replicationFactor()));
		settings.put("jointops.kafka.replication.min-insync-replicas", String.valueOf(minInsyncReplicas()));
		return settings;
	}

	private int replicationFactor() {
		return NodeConfiguration.replicationFactor(this.brokerCount);
	}

	private int minInsyncReplicas() {
		return NodeConfiguration.minInsyncReplicas(this.brokerCount);
	}

	/**
	 * The only broker.
	 * @return the broker of a single-node pipeline
	 * @throws IllegalStateException if the pipeline has a cluster of several
	 */
	public BrokerProcess broker() {
		if (this.cluster.size() != 1) {
			throw new IllegalStateException("This pipeline has " + this.cluster.size() + " brokers: use cluster()");
		}
		return this.cluster.brokers().get(0);
	}

	public KafkaCluster cluster() {
		return this.cluster;
	}

	/**
	 * The network the pipeline runs on.
	 * @return the network, or null on loopback
	 */
	public Network network() {
		return this.network;
	}

	/**
	 * Settings of a client that works as the administrator: a test's observer of every
	 * topic, or its source of poison records.
	 * @return bootstrap servers (every node) and SASL settings
	 */
	public Map<String, Object> clientProperties() {
		return this.cluster.clientProperties();
	}

	public ServiceProcess producer(String state) {
		ServiceProcess producer = this.producers.get(state);
		if (producer == null) {
			throw new IllegalArgumentException("No producer for " + state + " in this pipeline");
		}
		return producer;
	}

	public Map<String, ServiceProcess> producers() {
		return Map.copyOf(this.producers);
	}

	public ServiceProcess aggregator() {
		return aggregator(0);
	}

	public ServiceProcess aggregator(int instance) {
		return this.aggregators.get(instance);
	}

	public List<ServiceProcess> aggregators() {
		return List.copyOf(this.aggregators);
	}

	/**
	 * Starts a stopped or killed aggregator instance again and waits until it is healthy.
	 * @param instance which one
	 * @param wipeState whether its local state directory is deleted first, as on a new
	 * machine: it must then restore everything from the changelogs
	 */
	public void restartAggregator(int instance, boolean wipeState) {
		ServiceProcess aggregator = aggregator(instance);
		if (aggregator.jvm().isAlive()) {
			throw new IllegalStateException(aggregator + " is still running");
		}
		if (wipeState) {
			Directories.deleteRecursively(aggregatorStateDirectory(instance));
		}
		aggregator.start().awaitHealthy(START_TIMEOUT);
	}

	/**
	 * Starts a stopped or killed producer service again and waits until it is healthy.
	 * @param state whose producer
	 */
	public void restartProducer(String state) {
		producer(state).start().awaitHealthy(START_TIMEOUT);
	}

	public Path logs() {
		return this.directory.resolve("logs");
	}

	@Override
	public void close() {
		services().forEach(ServiceProcess::close);
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	private List<ServiceProcess> services() {
		return Stream.concat(this.producers.values().stream(), this.aggregators.stream()).toList();
	}

	private Host host(String name) {
		return (this.network != null) ? this.network.host(name) : Host.loopback();
	}

	private Path workDirectory(String service) {
		return this.directory.resolve(service);
	}

	private Path aggregatorStateDirectory(int instance) {
		return workDirectory(aggregatorName(instance)).resolve("state");
	}

	private static String aggregatorName(int instance) {
		return "aggregator-" + instance;
	}

	/**
	 * The findings topics as the producers would create them (three partitions, kept for
	 * ever, replicated as the cluster requires), made before anything starts.
	 */
	private void createFindingsTopics() {
		try (Admin admin = this.cluster.admin()) {
			createFindingsTopics(admin, this.states, replicationFactor(), minInsyncReplicas());
		}
	}

	/**
	 * Creates findings topics as the producers would on a single node (three partitions,
	 * kept for ever, one replica).
	 * @param admin an administrator's client
	 * @param states the states whose topics are created
	 */
	public static void createFindingsTopics(Admin admin, Collection<String> states) {
		createFindingsTopics(admin, states, 1, 1);
	}

	/**
	 * Creates findings topics as the producers would (three partitions, kept for ever),
	 * replicated as told.
	 * @param admin an administrator's client
	 * @param states the states whose topics are created
	 * @param replicationFactor replicas of every partition
	 * @param minInsyncReplicas the topics' {@code min.insync.replicas}
	 */
	public static void createFindingsTopics(Admin admin, Collection<String> states, int replicationFactor,
			int minInsyncReplicas) {
		try {
			List<NewTopic> topics = states.stream()
				.map((state) -> new NewTopic(Topics.findings(state), 3, (short) replicationFactor)
					.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
							String.valueOf(minInsyncReplicas))))
				.toList();
			admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the findings topics", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The settings of a state's producer service in a pipeline: the test agencies'
	 * tokens, its own Kafka user, its state and the broker.
	 * @param state the state it serves
	 * @param bootstrapServers the broker
	 * @return the Spring properties, to which a caller may add its own
	 */
	public static Map<String, String> producerProperties(String state, String bootstrapServers) {
		Map<String, String> properties = new LinkedHashMap<>(Credentials.producerProperties());
		properties.putAll(Credentials.producerKafkaProperties(state));
		properties.put("jointops.state", state);
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		oneReplica(properties);
		return properties;
	}

	/**
	 * The settings of an aggregator instance in a pipeline: the test readers, its Kafka
	 * user, the broker, its own state directory, and a short session timeout.
	 * @param bootstrapServers the broker
	 * @param stateDirectory its Kafka Streams state directory
	 * @return the Spring properties, to which a caller may add its own
	 */
	public static Map<String, String> aggregatorProperties(String bootstrapServers, Path stateDirectory) {
		Map<String, String> properties = new LinkedHashMap<>(Credentials.aggregatorProperties());
		properties.putAll(Credentials.aggregatorKafkaProperties());
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		properties.put("spring.kafka.streams.state-dir", stateDirectory.toString());
		oneReplica(properties);
		properties.put("jointops.advertised-host", "127.0.0.1");
		// the broker's minimum (the service's own 10 s): a killed instance's partitions
		// move sooner, same behaviour, shorter waits
		properties.put("spring.kafka.streams.properties.session.timeout.ms", "6000");
		properties.put("spring.kafka.streams.properties.heartbeat.interval.ms", "2000");
		return properties;
	}

	/**
	 * One broker: one replica of every topic, and a write needs only that one (the
	 * services' defaults are those of a three-broker cluster).
	 * @param properties a service's properties
	 */
	private static void oneReplica(Map<String, String> properties) {
		properties.putAll(EmbeddedKafkaNode.ONE_REPLICA);
	}

}
