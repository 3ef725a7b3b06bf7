package org.jointops.testsupport.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.ClusterMember;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka nodes of a test: one {@link BrokerProcess} alone, or several combined nodes
 * (broker and controller each, the controller quorum made of them all) with one cluster
 * id, each in a {@link Host} of its own or all on loopback. Replication follows the
 * cluster's size ({@link NodeConfiguration#replicationFactor(int)}: three replicas and
 * two in sync from three nodes on).
 */
public final class KafkaCluster implements AutoCloseable {

	private final List<BrokerProcess> brokers;

	private KafkaCluster(List<BrokerProcess> brokers) {
		this.brokers = List.copyOf(brokers);
	}

	/**
	 * A cluster of one node per host, node ids from 1 in the hosts' order. A single node
	 * keeps its files in the directory itself, the nodes of a cluster each in
	 * {@code node-<id>}.
	 * @param directory where the nodes keep their configuration, logs and output
	 * @param hosts where the nodes run
	 * @return the cluster, not started
	 */
	public static KafkaCluster of(Path directory, List<Host> hosts) {
		if (hosts.isEmpty()) {
			throw new IllegalArgumentException("A cluster has at least one node");
		}
		List<ClusterMember> members = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			Host host = hosts.get(i);
			members.add(new ClusterMember(i + 1, host.address(), FreePorts.next(), host.address(), FreePorts.next()));
		}
		String clusterId = NodeConfiguration.newClusterId();
		List<BrokerProcess> brokers = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			ClusterMember member = members.get(i);
			boolean alone = hosts.size() == 1;
			brokers.add(BrokerProcess.member(alone ? directory : directory.resolve("node-" + member.nodeId()),
					alone ? "kafka" : "kafka-" + member.nodeId(), hosts.get(i), member, members, clusterId));
		}
		return new KafkaCluster(brokers);
	}

	/**
	 * Starts every node, then waits until each answers as a live broker.
	 * @return this cluster
	 */
	public KafkaCluster start() {
		this.brokers.forEach(BrokerProcess::launch);
		this.brokers.forEach(BrokerProcess::awaitAnswering);
		return this;
	}

	public List<BrokerProcess> brokers() {
		return this.brokers;
	}

	/**
	 * A node by its id.
	 * @param nodeId from 1
	 * @return the node
	 */
	public BrokerProcess broker(int nodeId) {
		return this.brokers.stream()
			.filter((broker) -> broker.nodeId() == nodeId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node " + nodeId + " in " + this.brokers));
	}

	public int size() {
		return this.brokers.size();
	}

	/**
	 * Replicas of each partition on this cluster.
	 * @return {@link NodeConfiguration#replicationFactor(int)} of its size
	 */
	public int replicationFactor() {
		return NodeConfiguration.replicationFactor(size());
	}

	/**
	 * Replicas that must have a record before an {@code acks=all} write is acknowledged.
	 * @return {@link NodeConfiguration#minInsyncReplicas(int)} of its size
	 */
	public int minInsyncReplicas() {
		return NodeConfiguration.minInsyncReplicas(size());
	}

	/**
	 * Every node's client address.
	 * @return {@code address:port,…}
	 */
	public String bootstrapServers() {
		return this.brokers.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
	}

	/**
	 * Settings of a client that works as the administrator, e.g. a test's observer of
	 * every topic: it knows every node, so it outlives any one of them.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> clientProperties() {
		Map<String, Object> properties = new HashMap<>(
				ClientSecurity.admin(Credentials.kafkaPassword(KafkaUsers.ADMIN)));
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		return properties;
	}

	/**
	 * An administrator's client of the whole cluster.
	 * @return an admin client; close it
	 */
	public Admin admin() {
		return admin(clientProperties());
	}

	/**
	 * The node that leads a partition now, asking until a node that answers knows one.
	 * @param partition a partition
	 * @return its leader's node id
	 */
	public int leaderOf(TopicPartition partition) {
		return ask(partition + " led by a node", (admin) -> {
			TopicPartitionInfo info = describe(admin, Set.of(partition.topic())).get(partition.topic())
				.partitions()
				.get(partition.partition());
			return (info.leader() != null) ? info.leader().id() : null;
		});
	}

	/**
	 * The node whose controller leads the KRaft quorum now, asking until a node that
	 * answers knows one.
	 * @return its node id
	 */
	public int activeController() {
		return ask("an active controller", (admin) -> await(admin.describeMetadataQuorum().quorumInfo()).leaderId());
	}

	/**
	 * Waits until every node is a live broker and every partition of every topic
	 * (internal ones included) has a leader and all its replicas in sync: the cluster has
	 * healed from whatever was done to it.
	 * @param within how long that may take
	 */
	public void awaitFullyReplicated(Duration within) {
		try (Admin admin = admin()) {
			Awaitility.await("every node live and every replica in sync")
				.atMost(within)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> {
					assertThat(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id))
						.as("live brokers")
						.containsExactlyInAnyOrderElementsOf(this.brokers.stream().map(BrokerProcess::nodeId).toList());
					assertThat(underReplicated(admin)).as("partitions without a leader or with replicas out of sync")
						.isEmpty();
				});
		}
	}

	/**
	 * Every partition of every topic, internal ones included, that has no leader or a
	 * replica out of sync.
	 * @param admin a client of this cluster
	 * @return partition to {@code leader n, isr [..], replicas [..]}
	 */
	public static Map<TopicPartition, String> underReplicated(Admin admin) {
		Map<TopicPartition, String> lagging = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
		Set<String> topics = await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
		describe(admin, topics).values().forEach((topic) -> topic.partitions().forEach((partition) -> {
			if (partition.leader() == null || partition.isr().size() < partition.replicas().size()) {
				lagging.put(new TopicPartition(topic.name(), partition.partition()),
						"leader %s, isr %s, replicas %s".formatted(
								(partition.leader() != null) ? partition.leader().id() : "none",
								partition.isr().stream().map(Node::id).toList(),
								partition.replicas().stream().map(Node::id).toList()));
			}
		}));
		return lagging;
	}

	@Override
	public void close() {
		this.brokers.forEach(BrokerProcess::close);
	}

	@Override
	public String toString() {
		return this.brokers.toString();
	}

	/**
	 * Asks the cluster until it answers (with a node cut off, a request may go to it and
	 * time out).
	 * @param <T> the answer's type
	 * @param what the question, for the message if no answer comes
	 * @param question asks, and returns the answer or null when there is none yet
	 * @return the answer
	 */
	private <T> T ask(String what, Function<Admin, T> question) {
		AtomicReference<T> answer = new AtomicReference<>();
		try (Admin admin = admin()) {
			Awaitility.await(what)
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					answer.set(question.apply(admin));
					return answer.get() != null;
				});
		}
		return answer.get();
	}

	static Admin admin(Map<String, Object> clientProperties) {
		Map<String, Object> properties = new HashMap<>(clientProperties);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		return Admin.create(properties);
	}

	private static Map<String, TopicDescription> describe(Admin admin, Set<String> topics) {
		return await(admin.describeTopics(topics).allTopicNames());
	}

	private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The cluster did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
