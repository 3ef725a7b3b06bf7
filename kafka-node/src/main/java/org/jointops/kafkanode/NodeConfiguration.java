package org.jointops.kafkanode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.jointops.kafkanode.tls.KafkaTls;

/**
 * The configuration of one jointops Kafka node: broker and KRaft controller in one
 * process, alone on 127.0.0.1 or one of a cluster of such nodes ({@link ClusterMember}),
 * with
 * <ul>
 * <li>one client listener, also the brokers' own, {@code SASL_PLAINTEXT} or, with TLS
 * ({@link KafkaTls}: the node's key store and the CA's trust store), {@code SASL_SSL}:
 * SCRAM-SHA-256 for the services' users (their credentials live in the metadata log),
 * PLAIN for the administrator (whose password is in this configuration, so it exists
 * before any SCRAM user);</li>
 * <li>a controller listener, the same protocol with PLAIN, used by the node itself as the
 * administrator;</li>
 * <li>KRaft's {@code StandardAuthorizer}: the administrator is the only super user, and a
 * resource without an ACL is refused to everybody else.</li>
 * </ul>
 * The local stack runs it in its own JVM, the test harness in a JVM of its own; both
 * write this configuration and format the storage with Kafka's own {@code StorageTool}.
 */
public final class NodeConfiguration {

	/** The client listener's name. */
	public static final String CLIENT_LISTENER = "CLIENTS";

	/** The controller listener's name. */
	public static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

	private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private NodeConfiguration() {
	}

	/**
	 * The properties of a single node on 127.0.0.1: every topic has one replica.
	 * @param logDirectory where the node keeps its log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort controller port on 127.0.0.1
	 * @param adminPassword the administrator's password
	 * @return the properties, to which a caller may add its own
	 */
	public static Properties properties(Path logDirectory, int port, int controllerPort, String adminPassword) {
		return properties(logDirectory, port, controllerPort, adminPassword, null);
	}

	/**
	 * The properties of a single node on 127.0.0.1, over TLS when it is given.
	 * @param logDirectory where the node keeps its log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort controller port on 127.0.0.1
	 * @param adminPassword the administrator's password
	 * @param tls the node's key store and the CA's trust store, or null for
	 * {@code SASL_PLAINTEXT}
	 * @return the properties, to which a caller may add its own
	 */
	public static Properties properties(Path logDirectory, int port, int controllerPort, String adminPassword,
			KafkaTls tls) {
		ClusterMember node = ClusterMember.onLoopback(1, port, controllerPort);
		return properties(logDirectory, node, List.of(node), adminPassword, tls);
	}

	/**
	 * The properties of one node of a cluster of combined nodes (each a broker and a
	 * KRaft controller, the controller quorum made of them all, static voters). Topics
	 * are replicated on {@link #replicationFactor(int) up to three} nodes and need
	 * {@link #minInsyncReplicas(int) two} of them in sync to take an {@code acks=all}
	 * write once there are three: the internal topics (consumer offsets, transaction
	 * state) and, as broker defaults ({@code default.replication.factor},
	 * {@code min.insync.replicas}), every topic created without its own settings.
	 * @param logDirectory where the node keeps its log
	 * @param self the node these properties are for
	 * @param members every node of the cluster, {@code self} included
	 * @param adminPassword the administrator's password, the same on every node
	 * @return the properties, to which a caller may add its own
	 */
	public static Properties properties(Path logDirectory, ClusterMember self, List<ClusterMember> members,
			String adminPassword) {
		return properties(logDirectory, self, members, adminPassword, null);
	}

	/**
	 * The same, over TLS when it is given: every listener {@code SASL_SSL}, so that
	 * clients, brokers replicating from each other and the controller quorum all encrypt
	 * their connections (a node's certificate must name its {@link ClusterMember#host()}
	 * and {@link ClusterMember#controllerHost()}).
	 * @param logDirectory where the node keeps its log
	 * @param self the node these properties are for
	 * @param members every node of the cluster, {@code self} included
	 * @param adminPassword the administrator's password, the same on every node
	 * @param tls the node's key store and the CA's trust store, or null for
	 * {@code SASL_PLAINTEXT}
	 * @return the properties, to which a caller may add its own
	 */
	public static Properties properties(Path logDirectory, ClusterMember self, List<ClusterMember> members,
			String adminPassword, KafkaTls tls) {
		if (tls != null && tls.keyStore() == null) {
			throw new IllegalArgumentException("A node's TLS needs its key store");
		}
		if (!members.contains(self)) {
			throw new IllegalArgumentException("Node " + self.nodeId() + " is not one of the members " + members);
		}
		String replicas = String.valueOf(replicationFactor(members.size()));
		String minInsync = String.valueOf(minInsyncReplicas(members.size()));
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(self.nodeId()));
		properties.put("controller.quorum.voters",
				members.stream().map(ClusterMember::voter).collect(Collectors.joining(",")));
		properties.put("listeners", CLIENT_LISTENER + "://" + self.clientAddress() + "," + CONTROLLER_LISTENER + "://"
				+ self.controllerHost() + ":" + self.controllerPort());
		properties.put("advertised.listeners", CLIENT_LISTENER + "://" + self.clientAddress());
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("inter.broker.listener.name", CLIENT_LISTENER);
		String protocol = ClientSecurity.protocol(tls).name;
		properties.put("listener.security.protocol.map",
				CLIENT_LISTENER + ":" + protocol + "," + CONTROLLER_LISTENER + ":" + protocol);
		security(properties, adminPassword);
		if (tls != null) {
			// one key store and trust store for every listener and the node's own clients
			properties.putAll(tls.kafkaProperties());
		}
		properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
		properties.put("offsets.topic.replication.factor", replicas);
		properties.put("transaction.state.log.replication.factor", replicas);
		properties.put("transaction.state.log.min.isr", minInsync);
		properties.put("share.coordinator.state.topic.replication.factor", replicas);
		properties.put("share.coordinator.state.topic.min.isr", minInsync);
		properties.put("default.replication.factor", replicas);
		properties.put("min.insync.replicas", minInsync);
		properties.put("group.initial.rebalance.delay.ms", "0");
		// topics are created by the services with their own settings, never by accident
		properties.put("auto.create.topics.enable", "false");
		properties.put("num.partitions", "3");
		return properties;
	}

	/**
	 * How many replicas each partition gets on a cluster of this size.
	 * @param nodes nodes in the cluster
	 * @return the replication factor: the number of nodes, at most three
	 */
	public static int replicationFactor(int nodes) {
		if (nodes < 1) {
			throw new IllegalArgumentException("A cluster has at least one node, not " + nodes);
		}
		return Math.min(nodes, 3);
	}

	/**
	 * How many replicas must have a record before an {@code acks=all} write of it is
	 * acknowledged, on a cluster of this size.
	 * @param nodes nodes in the cluster
	 * @return two with three replicas (one may be lost without losing a record or
	 * refusing writes), otherwise one
	 */
	public static int minInsyncReplicas(int nodes) {
		return (replicationFactor(nodes) >= 3) ? 2 : 1;
	}

	private static void security(Properties properties, String adminPassword) {
		String client = "listener.name." + CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".";
		String controller = "listener.name." + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT) + ".";
		// the administrator: the node's own connections and the one super user
		String adminLogin = ClientSecurity.jaas(PLAIN_LOGIN, KafkaUsers.ADMIN, adminPassword);
		String adminAccount = adminLogin.substring(0, adminLogin.length() - 1) + " user_" + KafkaUsers.ADMIN + "=\""
				+ adminPassword + "\";";
		properties.put(client + "sasl.enabled.mechanisms", ClientSecurity.SCRAM + "," + ClientSecurity.PLAIN);
		properties.put(client + "plain.sasl.jaas.config", adminAccount);
		properties.put(client + "scram-sha-256.sasl.jaas.config", SCRAM_LOGIN + " required;");
		properties.put("sasl.mechanism.inter.broker.protocol", ClientSecurity.PLAIN);
		properties.put(controller + "sasl.enabled.mechanisms", ClientSecurity.PLAIN);
		properties.put(controller + "plain.sasl.jaas.config", adminAccount);
		properties.put("sasl.mechanism.controller.protocol", ClientSecurity.PLAIN);
		properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		properties.put("super.users", "User:" + KafkaUsers.ADMIN);
		properties.put("allow.everyone.if.no.acl.found", "false");
	}

	/**
	 * Writes the properties to a file readable by its owner only (it holds the
	 * administrator's password).
	 * @param properties the node's properties
	 * @param file where
	 * @param comment the file's first line
	 * @return the file
	 */
	public static Path write(Properties properties, Path file, String comment) {
		try {
			Files.createDirectories(file.getParent());
			Files.createDirectories(Path.of(properties.getProperty("log.dirs")));
			ownerOnly(file);
			try (OutputStream out = Files.newOutputStream(file)) {
				properties.store(out, comment);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the Kafka node's configuration " + file, ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			if (Files.exists(file)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			else {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its own access control applies
		}
	}

	/**
	 * Formats the storage with Kafka's {@code StorageTool} as a cluster of its own,
	 * unless it was formatted before.
	 * @param properties the node's properties
	 * @param configFile the same, written by {@link #write}
	 */
	public static void formatIfNew(Properties properties, Path configFile) {
		formatIfNew(properties, configFile, Uuid.randomUuid().toString());
	}

	/**
	 * Formats the storage with Kafka's {@code StorageTool}, unless it was formatted
	 * before. Every node of a cluster is formatted with the same cluster id; with static
	 * voters ({@code controller.quorum.voters}) nothing else is needed.
	 * @param properties the node's properties
	 * @param configFile the same, written by {@link #write}
	 * @param clusterId the cluster's id, e.g. from {@link #newClusterId()}
	 */
	public static void formatIfNew(Properties properties, Path configFile, String clusterId) {
		if (Files.exists(Path.of(properties.getProperty("log.dirs")).resolve("meta.properties"))) {
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(
				new String[] { "format", "--config", configFile.toString(), "--cluster-id", clusterId },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException(
					"Formatting the Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	/**
	 * A new cluster id.
	 * @return a random id in Kafka's format
	 */
	public static String newClusterId() {
		return Uuid.randomUuid().toString();
	}

}
