package org.jointops.testsupport.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

import org.jointops.testsupport.FreePorts;

/**
 * A standalone Kafka node in KRaft mode (broker and controller), run by Kafka's own
 * {@code kafka.Kafka} main class in a JVM of its own, with its log in a directory that
 * survives kills and restarts. It is formatted once, on first start, with Kafka's
 * {@code StorageTool}.
 */
public final class BrokerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private final JvmProcess jvm;

	private BrokerProcess(Path directory) {
		this.directory = directory.toAbsolutePath();
		this.port = FreePorts.next();
		this.controllerPort = FreePorts.next();
		Path config = this.directory.resolve("server.properties");
		this.jvm = JvmProcess.of("kafka", List.of("-Xmx512m", "-XX:+UseSerialGC"),
				List.of("-cp", System.getProperty("java.class.path"), "kafka.Kafka", config.toString()),
				this.directory.resolve("logs"));
	}

	/**
	 * A broker whose configuration, log and output live under the directory; ports are
	 * chosen once and kept across restarts.
	 * @param directory its directory
	 * @return the broker, not started
	 */
	public static BrokerProcess in(Path directory) {
		return new BrokerProcess(directory);
	}

	/**
	 * Formats the storage if needed, starts the node and waits until it answers.
	 * @return this broker
	 */
	public BrokerProcess start() {
		Path config = writeConfig();
		if (!Files.exists(logDirectory().resolve("meta.properties"))) {
			format(config);
		}
		this.jvm.start();
		awaitAnswering();
		return this;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
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
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10000));
	}

	@Override
	public void close() {
		this.jvm.close();
	}

	private void awaitAnswering() {
		try (Admin admin = admin()) {
			Awaitility.await(this.jvm.name() + " answering")
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					if (!this.jvm.isAlive()) {
						throw new AssertionError("The broker has exited; see " + this.jvm.log());
					}
					return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
						.nodes()
						.get(3, TimeUnit.SECONDS)
						.isEmpty();
				});
		}
	}

	private Path logDirectory() {
		return this.directory.resolve("data");
	}

	private Path writeConfig() {
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
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("auto.create.topics.enable", "false");
		// the coordinator looks for timed-out transactions of killed clients every second
		// (default 10 s): same behaviour, shorter waits
		properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
		try {
			Files.createDirectories(logDirectory());
			Path file = this.directory.resolve("server.properties");
			try (OutputStream out = Files.newOutputStream(file)) {
				properties.store(out, "A test's standalone KRaft node");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void format(Path config) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(
				new String[] { "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException("Formatting the Kafka storage failed: " + output);
		}
	}

}
