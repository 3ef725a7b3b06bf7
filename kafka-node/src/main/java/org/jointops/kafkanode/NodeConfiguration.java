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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The configuration of one jointops Kafka node: broker and KRaft controller in one
 * process, on 127.0.0.1, with
 * <ul>
 * <li>one client listener, {@code SASL_PLAINTEXT}: SCRAM-SHA-256 for the services' users
 * (their credentials live in the metadata log), PLAIN for the administrator (whose
 * password is in this configuration, so it exists before any SCRAM user);</li>
 * <li>a controller listener, {@code SASL_PLAINTEXT} with PLAIN, used by the node itself
 * as the administrator;</li>
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
	 * The node's properties.
	 * @param logDirectory where the node keeps its log
	 * @param port client port on 127.0.0.1
	 * @param controllerPort controller port on 127.0.0.1
	 * @param adminPassword the administrator's password
	 * @return the properties, to which a caller may add its own
	 */
	public static Properties properties(Path logDirectory, int port, int controllerPort, String adminPassword) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.put("listeners", CLIENT_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER
				+ "://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + port);
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("inter.broker.listener.name", CLIENT_LISTENER);
		properties.put("listener.security.protocol.map",
				CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
		security(properties, adminPassword);
		properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
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
		return properties;
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
	 * Formats the storage with Kafka's {@code StorageTool}, unless it was formatted
	 * before.
	 * @param properties the node's properties
	 * @param configFile the same, written by {@link #write}
	 */
	public static void formatIfNew(Properties properties, Path configFile) {
		if (Files.exists(Path.of(properties.getProperty("log.dirs")).resolve("meta.properties"))) {
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(new String[] { "format", "--config", configFile.toString(), "--cluster-id",
				Uuid.randomUuid().toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException(
					"Formatting the Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
