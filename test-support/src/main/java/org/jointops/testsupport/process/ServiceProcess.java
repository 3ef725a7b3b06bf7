package org.jointops.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.jointops.testsupport.FreePorts;

/**
 * One of the services, run from its executable jar in a JVM of its own (on loopback or in
 * a {@link Host} of its own), on a port chosen once and kept across restarts, configured
 * with command-line properties as an operator would.
 */
public final class ServiceProcess implements AutoCloseable {

	/**
	 * The JVM options of a service unless told otherwise: small heaps and a quick start,
	 * since several services share two cores in tests.
	 */
	public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Host host;

	private final int port;

	private final JvmProcess jvm;

	private final Path temporaryDirectory;

	private ServiceProcess(String name, Host host, Path jar, Map<String, String> properties, Path workDirectory,
			List<String> jvmOptions, Path logDirectory) {
		this.host = host;
		this.port = FreePorts.next();
		Path work = workDirectory.toAbsolutePath();
		this.temporaryDirectory = work.resolve("tmp");
		// tests start services unpacked and with a class-data sharing archive; a
		// benchmark's services start from their executable jars as deployed
		List<String> arguments = new ArrayList<>(jvmOptions.equals(TEST_JVM_OPTIONS)
				? ClassDataSharing.jarArguments(jar, jvmOptions, trainingArguments(properties))
				: List.of("-jar", jar.toString()));
		arguments.add("--server.port=" + this.port);
		arguments.add("--server.tomcat.basedir=" + work.resolve("tomcat"));
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-Djava.awt.headless=true");
		options.add("-Djava.io.tmpdir=" + this.temporaryDirectory);
		this.jvm = JvmProcess.of(name, host, options, arguments, logDirectory);
	}

	/**
	 * What a service needs to start at all when it has no Kafka to reach: the state a
	 * producer serves.
	 * @param properties the service's properties
	 * @return {@code --jointops.state=…}, if given
	 */
	private static List<String> trainingArguments(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.filter((property) -> property.getKey().equals("jointops.state"))
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toList();
	}

	/**
	 * A service to run. It keeps its working files in its own directory, never in the
	 * machine's shared temporary directory: Tomcat's base directory in {@code tomcat/},
	 * and whatever it would put in {@code java.io.tmpdir} (Tomcat's document root,
	 * RocksDB's native library) in {@code tmp/}.
	 * @param name its name in messages and log files
	 * @param jar its executable jar
	 * @param properties the Spring properties, passed as {@code --key=value}
	 * @param workDirectory its own directory for its working files
	 * @param logDirectory where its output goes
	 * @return the service, not started
	 */
	public static ServiceProcess of(String name, Path jar, Map<String, String> properties, Path workDirectory,
			Path logDirectory) {
		return of(name, Host.loopback(), jar, properties, workDirectory, logDirectory);
	}

	/**
	 * A service to run in a host, listening on the host's address.
	 * @param name its name in messages and log files
	 * @param host where it runs
	 * @param jar its executable jar
	 * @param properties the Spring properties, passed as {@code --key=value}
	 * @param workDirectory its own directory for its working files
	 * @param logDirectory where its output goes
	 * @return the service, not started
	 */
	public static ServiceProcess of(String name, Host host, Path jar, Map<String, String> properties,
			Path workDirectory, Path logDirectory) {
		return new ServiceProcess(name, host, jar, properties, workDirectory, TEST_JVM_OPTIONS, logDirectory);
	}

	/**
	 * A service to run with JVM options of its own, e.g. a benchmark's.
	 * @param name its name in messages and log files
	 * @param jar its executable jar
	 * @param properties the Spring properties, passed as {@code --key=value}
	 * @param workDirectory its own directory for its working files
	 * @param jvmOptions options of the {@code java} command, e.g. {@code -Xmx1g}
	 * @param logDirectory where its output goes
	 * @return the service, not started
	 */
	public static ServiceProcess of(String name, Path jar, Map<String, String> properties, Path workDirectory,
			List<String> jvmOptions, Path logDirectory) {
		return new ServiceProcess(name, Host.loopback(), jar, properties, workDirectory, jvmOptions, logDirectory);
	}

	public ServiceProcess start() {
		try {
			// the JVM needs its temporary directory to exist
			Files.createDirectories(this.temporaryDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + this.temporaryDirectory, ex);
		}
		this.jvm.start();
		return this;
	}

	/**
	 * Waits until {@code /actuator/health} answers UP.
	 * @param timeout how long it may take
	 * @return this service
	 */
	public ServiceProcess awaitHealthy(Duration timeout) {
		Awaitility.await(name() + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.jvm.isAlive()) {
				throw new AssertionError(name() + " has exited; see " + this.jvm.log());
			}
			return healthStatus() == 200;
		});
		return this;
	}

	/**
	 * The status code of {@code /actuator/health}: 200 when UP, 503 otherwise, -1 when it
	 * does not answer within two seconds.
	 * @return the status code
	 */
	public int healthStatus() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url("/actuator/health")))
				.timeout(Duration.ofSeconds(2))
				.GET()
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	public String url(String path) {
		return "http://" + this.host.address() + ":" + this.port + path;
	}

	public Host host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String name() {
		return this.jvm.name();
	}

	public JvmProcess jvm() {
		return this.jvm;
	}

	/** {@code SIGKILL}. */
	public void kill() {
		this.jvm.kill();
	}

	/** {@code SIGTERM}, the way an operator stops a service. */
	public void stop() {
		this.jvm.stop(Duration.ofSeconds(30));
	}

	@Override
	public void close() {
		this.jvm.close();
	}

	@Override
	public String toString() {
		return this.jvm.toString();
	}

}
