package org.jointops.testsupport.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Host host;

	private final int port;

	private final JvmProcess jvm;

	private ServiceProcess(String name, Host host, Path jar, Map<String, String> properties, Path logDirectory) {
		this.host = host;
		this.port = FreePorts.next();
		List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString(), "--server.port=" + this.port));
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		// small heaps and a quick start: several services share two cores in tests
		this.jvm = JvmProcess.of(name, host,
				List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"),
				arguments, logDirectory);
	}

	/**
	 * A service to run.
	 * @param name its name in messages and log files
	 * @param jar its executable jar
	 * @param properties the Spring properties, passed as {@code --key=value}
	 * @param logDirectory where its output goes
	 * @return the service, not started
	 */
	public static ServiceProcess of(String name, Path jar, Map<String, String> properties, Path logDirectory) {
		return of(name, Host.loopback(), jar, properties, logDirectory);
	}

	/**
	 * A service to run in a host, listening on the host's address.
	 * @param name its name in messages and log files
	 * @param host where it runs
	 * @param jar its executable jar
	 * @param properties the Spring properties, passed as {@code --key=value}
	 * @param logDirectory where its output goes
	 * @return the service, not started
	 */
	public static ServiceProcess of(String name, Host host, Path jar, Map<String, String> properties,
			Path logDirectory) {
		return new ServiceProcess(name, host, jar, properties, logDirectory);
	}

	public ServiceProcess start() {
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
		catch (java.io.IOException ex) {
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
