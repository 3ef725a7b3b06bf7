package org.jointops.localstack.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One real Kafka node in this JVM, in KRaft mode (broker and controller), with its log
 * under a data directory that survives restarts: the storage is formatted once, on first
 * start. Everything is Kafka's own code ({@code kafka_2.13}); this class only writes its
 * configuration.
 */
public final class KraftBroker implements AutoCloseable {

	private static final String SERVER_PROPERTIES = "server.properties";

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private KafkaRaftServer server;

	/**
	 * @param directory where the node keeps its configuration and log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort KRaft controller port on 127.0.0.1
	 */
	public KraftBroker(Path directory, int port, int controllerPort) {
		this.directory = directory.toAbsolutePath();
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Formats the storage if this is its first start, then starts the node.
	 * @return this broker, started
	 */
	public KraftBroker start() {
		Properties properties = properties();
		Path configFile = writeConfig(properties);
		if (!Files.exists(logDirectory().resolve("meta.properties"))) {
			format(configFile);
		}
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

	@Override
	public void close() {
		if (this.server != null) {
			this.server.shutdown();
			this.server.awaitShutdown();
			this.server = null;
		}
	}

	private Path logDirectory() {
		return this.directory.resolve("log");
	}

	private Properties properties() {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@127.0.0.1:" + this.controllerPort);
		properties.put("listeners",
				"PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + this.port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", logDirectory().toString());
		// one node: every internal topic has a single replica
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		// topics are created by the services with their own settings, never by accident
		properties.put("auto.create.topics.enable", "false");
		properties.put("num.partitions", "3");
		// one node, no replicas: only writing every batch to disk before acknowledging it
		// keeps acknowledged records through a power loss or a killed virtual machine (a
		// cluster gets that from its replicas instead)
		properties.put("log.flush.interval.messages", "1");
		return properties;
	}

	private Path writeConfig(Properties properties) {
		try {
			Files.createDirectories(logDirectory());
			Path file = this.directory.resolve(SERVER_PROPERTIES);
			try (OutputStream out = Files.newOutputStream(file)) {
				properties.store(out, "Written by jointops' local stack on every start; the node reads it from memory");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the broker configuration under " + this.directory, ex);
		}
	}

	private static void format(Path configFile) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(new String[] { "format", "--config", configFile.toString(), "--cluster-id",
				Uuid.randomUuid().toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException(
					"Formatting the Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
