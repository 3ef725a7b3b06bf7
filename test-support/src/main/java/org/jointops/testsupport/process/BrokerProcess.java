package org.jointops.testsupport.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.awaitility.Awaitility;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.ClusterMember;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.FreePorts;

/**
 * A standalone Kafka node in KRaft mode (broker and controller), run by Kafka's own
 * {@code kafka.Kafka} main class in a JVM of its own, with its log in a directory that
 * survives kills and restarts: alone, or one node of a {@link KafkaCluster}. It is
 * formatted once, on first start, with Kafka's {@code StorageTool}. Its configuration is
 * the local stack's ({@link NodeConfiguration}: SASL and ACLs on); the administrator's
 * password is {@link Credentials#kafkaPassword(String) the test one}.
 */
public final class BrokerProcess implements AutoCloseable {

	/**
	 * How long a node of a cluster may go without a heartbeat to the active controller
	 * before it is fenced (its partitions led elsewhere, it leaves every in-sync replica
	 * set): the broker default is 9 s.
	 */
	public static final Duration CLUSTER_SESSION_TIMEOUT = Duration.ofSeconds(6);

	/**
	 * How long a follower of a cluster may fail to catch up before its leader drops it
	 * from the in-sync replicas: the broker default is 30 s.
	 */
	public static final Duration CLUSTER_REPLICA_LAG = Duration.ofSeconds(5);

	private final Path directory;

	private final Host host;

	private final ClusterMember member;

	private final List<ClusterMember> members;

	private final String clusterId;

	private final JvmProcess jvm;

	/** The JVM options of a test's broker: a small heap, little CPU for collection. */
	public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

	private BrokerProcess(Path directory, String name, Host host, ClusterMember member, List<ClusterMember> members,
			String clusterId, List<String> jvmOptions) {
		this.directory = directory.toAbsolutePath();
		this.host = host;
		this.member = member;
		this.members = List.copyOf(members);
		this.clusterId = clusterId;
		Path config = this.directory.resolve("server.properties");
		this.jvm = JvmProcess.of(name, host, jvmOptions,
				List.of("-cp", System.getProperty("java.class.path"), "kafka.Kafka", config.toString()),
				this.directory.resolve("logs"));
	}

	/**
	 * A broker alone on loopback whose configuration, log and output live under the
	 * directory; ports are chosen once and kept across restarts.
	 * @param directory its directory
	 * @return the broker, not started
	 */
	public static BrokerProcess in(Path directory) {
		return in(directory, TEST_JVM_OPTIONS);
	}

	/**
	 * The same with JVM options of its own, e.g. Kafka's production defaults for a
	 * benchmark.
	 * @param directory its directory
	 * @param jvmOptions options of the {@code java} command, e.g. {@code -Xmx1g}
	 * @return the broker, not started
	 */
	public static BrokerProcess in(Path directory, List<String> jvmOptions) {
		ClusterMember alone = ClusterMember.onLoopback(1, FreePorts.next(), FreePorts.next());
		return new BrokerProcess(directory, "kafka", Host.loopback(), alone, List.of(alone),
				NodeConfiguration.newClusterId(), jvmOptions);
	}

	/**
	 * One node of a cluster.
	 * @param directory its directory
	 * @param name its process's name
	 * @param host where it runs; its listeners are on the host's addresses
	 * @param member the node
	 * @param members every node of the cluster
	 * @param clusterId the cluster's id, the same for every node
	 * @return the broker, not started
	 */
	static BrokerProcess member(Path directory, String name, Host host, ClusterMember member,
			List<ClusterMember> members, String clusterId) {
		return new BrokerProcess(directory, name, host, member, members, clusterId, TEST_JVM_OPTIONS);
	}

	/**
	 * Formats the storage if needed, starts the node and waits until it answers.
	 * @return this broker
	 */
	public BrokerProcess start() {
		launch();
		awaitAnswering();
		return this;
	}

	/**
	 * Formats the storage if needed and starts the node's JVM, without waiting: the nodes
	 * of a cluster need each other to elect a controller.
	 */
	void launch() {
		Properties properties = properties();
		Path config = NodeConfiguration.write(properties, this.directory.resolve("server.properties"),
				"A test's KRaft node");
		NodeConfiguration.formatIfNew(properties, config, this.clusterId);
		this.jvm.start();
	}

	public int nodeId() {
		return this.member.nodeId();
	}

	public Host host() {
		return this.host;
	}

	/**
	 * Where clients connect to this node.
	 * @return {@code address:port}
	 */
	public String bootstrapServers() {
		return this.member.clientAddress();
	}

	public JvmProcess jvm() {
		return this.jvm;
	}

	/** {@code SIGKILL}: the node dies with whatever it had not yet written. */
	public void kill() {
		this.jvm.kill();
	}

	/** {@code SIGSTOP}: the node keeps its connections open and answers nothing. */
	public void pause() {
		this.jvm.pause();
	}

	/** {@code SIGCONT}, then waits until the node answers again. */
	public void resume() {
		this.jvm.resume();
		awaitAnswering();
	}

	/**
	 * A client configured for this broker.
	 * @return an admin client; close it
	 */
	public Admin admin() {
		return KafkaCluster.admin(clientProperties());
	}

	/**
	 * Settings of a client that works as the node's administrator, e.g. a test's observer
	 * of every topic.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> clientProperties() {
		Map<String, Object> properties = new HashMap<>(
				ClientSecurity.admin(Credentials.kafkaPassword(KafkaUsers.ADMIN)));
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		return properties;
	}

	@Override
	public void close() {
		this.jvm.close();
	}

	@Override
	public String toString() {
		return this.jvm.name() + " (node " + nodeId() + " at " + bootstrapServers() + ")";
	}

	/**
	 * Waits until the node answers and counts itself among the cluster's live brokers
	 * (registered, not fenced).
	 */
	void awaitAnswering() {
		try (Admin admin = admin()) {
			Awaitility.await(this.jvm.name() + " answering")
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					if (!this.jvm.isAlive()) {
						throw new AssertionError("The broker has exited; see " + this.jvm.log());
					}
					return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
						.nodes()
						.get(3, TimeUnit.SECONDS)
						.stream()
						.map(Node::id)
						.anyMatch((id) -> id == nodeId());
				});
		}
	}

	private Path logDirectory() {
		return this.directory.resolve("data");
	}

	private Properties properties() {
		Properties properties = NodeConfiguration.properties(logDirectory(), this.member, this.members,
				Credentials.kafkaPassword(KafkaUsers.ADMIN));
		// the coordinator looks for timed-out transactions of killed clients every second
		// (default 10 s): same behaviour, shorter waits
		properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
		if (this.members.size() > 1) {
			// a lost node is fenced and a lagging follower dropped sooner than by
			// default:
			// same behaviour, shorter waits
			properties.put("broker.session.timeout.ms", String.valueOf(CLUSTER_SESSION_TIMEOUT.toMillis()));
			properties.put("broker.heartbeat.interval.ms", "1500");
			properties.put("replica.lag.time.max.ms", String.valueOf(CLUSTER_REPLICA_LAG.toMillis()));
			// fewer coordinator partitions than the default 50, each with three replicas:
			// less for two cores to elect and replicate, the same coordinators
			properties.put("offsets.topic.num.partitions", "6");
			properties.put("transaction.state.log.num.partitions", "6");
		}
		return properties;
	}

}
