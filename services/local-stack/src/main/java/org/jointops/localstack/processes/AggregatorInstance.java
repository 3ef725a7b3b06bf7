package org.jointops.localstack.processes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One instance of the aggregator in a JVM of its own ({@link AggregatorMain}), with its
 * directory {@code aggregator-<n>/} under the stack's data directory: its Kafka Streams
 * state in {@code state/}, its Tomcat base in {@code tomcat/}, its temporary files in
 * {@code tmp/}, and its configuration in {@code launch.properties} (readable by its owner
 * only: it holds the aggregator's Kafka password and its readers' tokens). Its local
 * state is a cache of one Kafka cluster's changelogs: when the cluster is not the one the
 * state was built from ({@code cluster.id}, e.g. after starting the stack with another
 * number of brokers), the state is dropped and restored from the changelogs.
 */
public final class AggregatorInstance {

	private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Djava.awt.headless=true");

	private final int number;

	private final int port;

	private final Path directory;

	private final ChildProcess process;

	private final String scheme;

	/**
	 * Describes an instance; nothing starts until {@link #start}.
	 * @param number the instance's number, from 1
	 * @param port its HTTP port
	 * @param dataDirectory the stack's data directory
	 * @param logDirectory where its log goes ({@code aggregator-<n>.log})
	 * @param onExit told when it ends without the stack stopping it
	 * @param scheme {@code https} when it serves HTTPS, else {@code http}
	 */
	public AggregatorInstance(int number, int port, Path dataDirectory, Path logDirectory,
			BiConsumer<ChildProcess, Process> onExit, String scheme) {
		this.scheme = scheme;
		this.number = number;
		this.port = port;
		this.directory = dataDirectory.resolve("aggregator-" + number).toAbsolutePath();
		this.process = ChildProcess.of("aggregator " + number, AggregatorMain.class,
				jvmOptions(this.directory.resolve("tmp")), List.of(launchFile().toString()),
				logDirectory.resolve("aggregator-" + number + ".log"), onExit);
	}

	private static List<String> jvmOptions(Path temporary) {
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		// RocksDB unpacks its native library into the temporary directory: one of its own
		options.add("-Djava.io.tmpdir=" + temporary);
		return options;
	}

	/**
	 * Writes its configuration and starts its JVM, without waiting for it to be ready.
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param clusterId the id of the Kafka cluster it works with
	 * @param settings its Spring properties
	 */
	public void start(String bootstrapServers, Supplier<String> clusterId, Map<String, String> settings) {
		try {
			Files.createDirectories(this.directory.resolve("tmp"));
			keepStateOf(clusterId.get());
			Properties launch = new Properties();
			launch.putAll(settings);
			launch.put(AggregatorMain.NAME, "aggregator-" + this.number);
			launch.put(AggregatorMain.PORT, String.valueOf(this.port));
			launch.put(AggregatorMain.BOOTSTRAP_SERVERS, bootstrapServers);
			launch.put(AggregatorMain.STATE_DIRECTORY, this.directory.resolve("state").toString());
			launch.put(AggregatorMain.TOMCAT_DIRECTORY, this.directory.resolve("tomcat").toString());
			Path file = launchFile();
			createOwnerOnly(file);
			try (OutputStream out = Files.newOutputStream(file)) {
				launch.store(out, "Aggregator instance " + this.number + " of the local stack");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + this.directory, ex);
		}
		this.process.start();
	}

	public int number() {
		return this.number;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Its base URL.
	 * @return {@code http://localhost:<port>} ({@code https} when it serves HTTPS)
	 */
	public String url() {
		return this.scheme + "://localhost:" + this.port;
	}

	public ChildProcess process() {
		return this.process;
	}

	private Path launchFile() {
		return this.directory.resolve("launch.properties");
	}

	/**
	 * Makes the file, or takes an existing one (an earlier run's, a copy), owner-only.
	 * @param file the file
	 */
	private static void createOwnerOnly(Path file) throws IOException {
		try {
			if (Files.exists(file)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			else {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
		}
		catch (UnsupportedOperationException ex) {
			if (!Files.exists(file)) {
				Files.createFile(file);
			}
		}
	}

	/**
	 * Drops the local state if it was built from another cluster than this one.
	 * @param clusterId the cluster's id
	 */
	private void keepStateOf(String clusterId) throws IOException {
		Path record = this.directory.resolve("cluster.id");
		Path state = this.directory.resolve("state");
		if (Files.exists(record) && !Files.readString(record).trim().equals(clusterId) && Files.exists(state)) {
			deleteRecursively(state);
		}
		Files.writeString(record, clusterId + "\n");
	}

	private static void deleteRecursively(Path directory) throws IOException {
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}

		});
	}

}
