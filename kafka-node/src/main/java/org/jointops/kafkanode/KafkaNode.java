package org.jointops.kafkanode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;
import org.jointops.kafkanode.tls.KafkaTls;

/**
 * One real Kafka node in this JVM ({@link NodeConfiguration}: KRaft, SASL, ACLs), with
 * its log under a directory that survives restarts: the storage is formatted once, on
 * first start. Everything is Kafka's own code ({@code kafka_2.13}); this class only
 * writes its configuration.
 */
public final class KafkaNode implements AutoCloseable {

	private static final String SERVER_PROPERTIES = "server.properties";

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private final String adminPassword;

	private final Map<String, String> extraProperties;

	private final KafkaTls tls;

	private KafkaRaftServer server;

	/**
	 * Creates a node; nothing is written or started until {@link #start()}.
	 * @param directory where the node keeps its configuration and log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort the KRaft controller port on 127.0.0.1
	 * @param adminPassword the administrator's password
	 * @param extraProperties further broker properties, which win over the defaults
	 */
	public KafkaNode(Path directory, int port, int controllerPort, String adminPassword,
			Map<String, String> extraProperties) {
		this(directory, port, controllerPort, adminPassword, extraProperties, null);
	}

	/**
	 * Creates a node whose listeners are {@code SASL_SSL} when TLS is given; nothing is
	 * written or started until {@link #start()}.
	 * @param directory where the node keeps its configuration and log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort the KRaft controller port on 127.0.0.1
	 * @param adminPassword the administrator's password
	 * @param extraProperties further broker properties, which win over the defaults
	 * @param tls the node's key store (its certificate naming 127.0.0.1) and the CA's
	 * trust store, or null for {@code SASL_PLAINTEXT}
	 */
	public KafkaNode(Path directory, int port, int controllerPort, String adminPassword,
			Map<String, String> extraProperties, KafkaTls tls) {
		this.tls = tls;
		this.directory = directory.toAbsolutePath();
		this.port = port;
		this.controllerPort = controllerPort;
		this.adminPassword = adminPassword;
		this.extraProperties = Map.copyOf(extraProperties);
	}

	/**
	 * Formats the storage if this is its first start, then starts the node.
	 * @return this node, started
	 */
	public KafkaNode start() {
		Properties properties = NodeConfiguration.properties(this.directory.resolve("log"), this.port,
				this.controllerPort, this.adminPassword, this.tls);
		properties.putAll(this.extraProperties);
		Path configFile = NodeConfiguration.write(properties, this.directory.resolve(SERVER_PROPERTIES),
				"Written by jointops on every start; the node reads it from memory");
		NodeConfiguration.formatIfNew(properties, configFile);
		this.server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		this.server.startup();
		return this;
	}

	/**
	 * Where clients connect.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Client properties of the administrator, the node's only super user.
	 * @return bootstrap servers, SASL and, with TLS, SSL settings
	 */
	public Map<String, Object> adminClientProperties() {
		Map<String, Object> properties = new HashMap<>(ClientSecurity.admin(this.adminPassword, this.tls));
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		return properties;
	}

	/**
	 * An administrator's client.
	 * @return an admin client; close it
	 */
	public Admin admin() {
		return Admin.create(adminClientProperties());
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.shutdown();
			this.server.awaitShutdown();
			this.server = null;
		}
	}

}
