package org.jointops.localstack.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.ClusterMember;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.kafkanode.tls.KafkaTls;

/**
 * A KRaft cluster of combined nodes (broker and controller), each Kafka's own
 * {@code kafka.Kafka} in a JVM of its own ({@link BrokerMain}) on 127.0.0.1, configured
 * as the one-node stack is ({@link NodeConfiguration}: SASL, ACLs) and replicated: up to
 * three replicas of every topic, two in sync for a write. Node {@code n} listens on
 * {@code firstPort + 2(n-1)} and its controller on the port after; it keeps its
 * configuration and log under {@code broker-<n>/} of the cluster's directory, which is
 * formatted once, with one cluster id ({@code cluster.id}).
 */
public final class BrokerCluster {

	/**
	 * A broker's JVM options: Kafka's own defaults are for a machine of its own; the
	 * quick compiler only, as the other processes share the cores.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final Path directory;

	private final List<ClusterMember> members;

	private final String adminPassword;

	private final KafkaTls tls;

	private final List<ChildProcess> nodes = new ArrayList<>();

	/**
	 * Describes a cluster; nothing starts until {@link #start()}.
	 * @param directory the cluster's directory
	 * @param size how many nodes
	 * @param firstPort the first node's client port
	 * @param adminPassword the administrator's password
	 * @param tls every node's key store (its certificate naming 127.0.0.1) and the CA's
	 * trust store, or null for {@code SASL_PLAINTEXT}
	 * @param logDirectory where each node's log goes ({@code broker-<n>.log})
	 * @param onExit told when a node ends without the stack stopping it
	 */
	public BrokerCluster(Path directory, int size, int firstPort, String adminPassword, KafkaTls tls, Path logDirectory,
			BiConsumer<ChildProcess, Process> onExit) {
		this.tls = tls;
		this.directory = directory.toAbsolutePath();
		this.adminPassword = adminPassword;
		List<ClusterMember> all = new ArrayList<>();
		for (int n = 1; n <= size; n++) {
			all.add(ClusterMember.onLoopback(n, firstPort + 2 * (n - 1), firstPort + 2 * (n - 1) + 1));
		}
		this.members = List.copyOf(all);
		for (ClusterMember member : this.members) {
			Path config = nodeDirectory(member.nodeId()).resolve("server.properties");
			this.nodes.add(ChildProcess.of("broker " + member.nodeId(), BrokerMain.class, JVM_OPTIONS,
					List.of(config.toString()), logDirectory.resolve("broker-" + member.nodeId() + ".log"), onExit));
		}
	}

	/**
	 * Starts every node, then waits until each counts as a live broker.
	 * @return this cluster
	 */
	public BrokerCluster start() {
		String clusterId = clusterId();
		for (ClusterMember member : this.members) {
			launch(member, clusterId);
		}
		for (ClusterMember member : this.members) {
			awaitLive(member.nodeId());
		}
		return this;
	}

	/**
	 * Starts a node again (after it was killed) and waits until it is a live broker.
	 * @param nodeId from 1
	 */
	public void start(int nodeId) {
		launch(member(nodeId), clusterId());
		awaitLive(nodeId);
	}

	/**
	 * The node's process.
	 * @param nodeId from 1
	 * @return its process
	 */
	public ChildProcess node(int nodeId) {
		member(nodeId);
		return this.nodes.get(nodeId - 1);
	}

	public List<ChildProcess> nodes() {
		return List.copyOf(this.nodes);
	}

	public int size() {
		return this.members.size();
	}

	/**
	 * A node's client address.
	 * @param nodeId from 1
	 * @return {@code 127.0.0.1:port}
	 */
	public String address(int nodeId) {
		return member(nodeId).clientAddress();
	}

	/**
	 * Every node's client address.
	 * @return {@code address:port,…}
	 */
	public String bootstrapServers() {
		return this.members.stream().map(ClusterMember::clientAddress).collect(Collectors.joining(","));
	}

	/**
	 * Settings of a client that works as the administrator.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> adminProperties() {
		Map<String, Object> properties = new HashMap<>(ClientSecurity.admin(this.adminPassword, this.tls));
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		return properties;
	}

	/**
	 * An administrator's client of the cluster.
	 * @return an admin client; close it
	 */
	public Admin admin() {
		Map<String, Object> properties = adminProperties();
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		return Admin.create(properties);
	}

	/**
	 * Stops every node at once ({@code SIGTERM}), killing those that take too long.
	 */
	public void stop() {
		this.nodes.parallelStream().forEach((node) -> node.stop(Duration.ofSeconds(20)));
	}

	private void launch(ClusterMember member, String clusterId) {
		Properties properties = NodeConfiguration.properties(nodeDirectory(member.nodeId()).resolve("data"), member,
				this.members, this.adminPassword, this.tls);
		// a lost node is fenced, a lagging follower dropped and a killed client's
		// transaction aborted sooner than by default: the same behaviour, shorter waits
		// for someone watching
		properties.put("broker.session.timeout.ms", "6000");
		properties.put("broker.heartbeat.interval.ms", "1500");
		properties.put("replica.lag.time.max.ms", "5000");
		properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
		// fewer coordinator partitions than the default 50, each with three replicas:
		// less for one machine to elect and replicate, the same coordinators
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.num.partitions", "6");
		Path config = NodeConfiguration.write(properties, nodeDirectory(member.nodeId()).resolve("server.properties"),
				"Node " + member.nodeId() + " of the local stack's cluster");
		NodeConfiguration.formatIfNew(properties, config, clusterId);
		node(member.nodeId()).start();
	}

	private void awaitLive(int nodeId) {
		ChildProcess node = node(nodeId);
		Instant deadline = Instant.now().plus(PATIENCE);
		try (Admin admin = admin()) {
			while (true) {
				if (!node.isAlive()) {
					throw new IllegalStateException(node.name() + " has exited; see " + node.log());
				}
				if (isLive(admin, nodeId)) {
					return;
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(node.name() + " is not a live broker after " + PATIENCE.toSeconds()
							+ " s; see " + node.log());
				}
				Thread.sleep(250);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + node.name(), ex);
		}
	}

	private static boolean isLive(Admin admin, int nodeId) throws InterruptedException {
		try {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
				.nodes()
				.get(3, TimeUnit.SECONDS)
				.stream()
				.map(Node::id)
				.anyMatch((id) -> id == nodeId);
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	private ClusterMember member(int nodeId) {
		if (nodeId < 1 || nodeId > this.members.size()) {
			throw new IllegalArgumentException(
					"There is no broker " + nodeId + ": the brokers are 1 to " + this.members.size());
		}
		return this.members.get(nodeId - 1);
	}

	private Path nodeDirectory(int nodeId) {
		return this.directory.resolve("broker-" + nodeId);
	}

	/**
	 * The cluster's id, made on its first start and kept for every later one.
	 * @return the id
	 */
	private String clusterId() {
		Path file = this.directory.resolve("cluster.id");
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			String id = NodeConfiguration.newClusterId();
			Files.createDirectories(this.directory);
			Files.writeString(file, id + "\n");
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the cluster id in " + file, ex);
		}
	}

}
