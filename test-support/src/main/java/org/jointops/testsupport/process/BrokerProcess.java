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
import org.awaitility.Awaitility;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.kafkanode.NodeConfiguration;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.FreePorts;

/**
 * A standalone Kafka node in KRaft mode (broker and controller), run by Kafka's own
 * {@code kafka.Kafka} main class in a JVM of its own, with its log in a directory that
 * survives kills and restarts. It is formatted once, on first start, with Kafka's
 * {@code StorageTool}. Its configuration is the local stack's ({@link NodeConfiguration}:
 * SASL and ACLs on); the administrator's password is
 * {@link Credentials#kafkaPassword(String) the test one}.
 */
public final class BrokerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private final JvmProcess jvm;

	/** The JVM options of a test's broker: a small heap, little CPU for collection. */
	public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

	private BrokerProcess(Path directory, List<String> jvmOptions) {
		this.directory = directory.toAbsolutePath();
		this.port = FreePorts.next();
		this.controllerPort = FreePorts.next();
		Path config = this.directory.resolve("server.properties");
		this.jvm = JvmProcess.of("kafka", jvmOptions,
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
		return new BrokerProcess(directory, TEST_JVM_OPTIONS);
	}

	/**
	 * The same with JVM options of its own, e.g. Kafka's production defaults for a
	 * benchmark.
	 * @param directory its directory
	 * @param jvmOptions options of the {@code java} command, e.g. {@code -Xmx1g}
	 * @return the broker, not started
	 */
	public static BrokerProcess in(Path directory, List<String> jvmOptions) {
		return new BrokerProcess(directory, jvmOptions);
	}

	/**
	 * Formats the storage if needed, starts the node and waits until it answers.
	 * @return this broker
	 */
	public BrokerProcess start() {
		Properties properties = properties();
		Path config = NodeConfiguration.write(properties, this.directory.resolve("server.properties"),
				"A test's standalone KRaft node");
		NodeConfiguration.formatIfNew(properties, config);
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
		Map<String, Object> properties = new HashMap<>(clientProperties());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		return Admin.create(properties);
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

	private Properties properties() {
		Properties properties = NodeConfiguration.properties(logDirectory(), this.port, this.controllerPort,
				Credentials.kafkaPassword(KafkaUsers.ADMIN));
		// the coordinator looks for timed-out transactions of killed clients every second
		// (default 10 s): same behaviour, shorter waits
		properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
		return properties;
	}

}
