package org.jointops.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.jointops.bench.kafka.KafkaTools;
import org.jointops.bench.kafka.StreamsSettings;
import org.jointops.bench.kafka.TopicAdmin;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.process.BrokerProcess;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.testsupport.process.ServiceJars;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * The benchmark's deployment, as the fault suites run one (test-support's process
 * harness): a standalone KRaft node with SASL and ACLs, the producers' and aggregator's
 * Kafka users and ACLs, and services started from their executable jars as separate
 * processes, configured as {@link Pipeline} configures them, plus the run's extra
 * catalogue file. The benchmark itself works as the node's administrator.
 */
public final class Deployment implements AutoCloseable {

	/** How long a service may take to report healthy. */
	static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Path directory;

	private final BrokerProcess broker;

	private final Admin admin;

	private final TopicAdmin topics;

	private final KafkaTools tools;

	private final Path catalogue;

	private final List<String> serviceJvm;

	private final boolean profile;

	private final boolean shareProducers;

	private final Map<String, String> aggregatorProperties = new LinkedHashMap<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	private final Map<String, ServiceProcess> sharedProducers = new HashMap<>();

	private Deployment(Path directory, BrokerProcess broker, Path catalogue, List<String> serviceJvm, boolean profile,
			boolean shareProducers) {
		this.directory = directory;
		this.broker = broker;
		this.admin = broker.admin();
		this.topics = new TopicAdmin(this.admin);
		this.catalogue = catalogue;
		this.serviceJvm = List.copyOf(serviceJvm);
		this.profile = profile;
		this.shareProducers = shareProducers;
		this.tools = new KafkaTools(broker.bootstrapServers(), broker.clientProperties(), serviceJvm,
				directory.resolve("logs"));
	}

	/**
	 * Starts the broker and grants the services' users their access.
	 * @param directory where the broker's data and every process's log go
	 * @param states the states whose producers may run
	 * @param brokerJvm the broker's JVM options
	 * @param serviceJvm the services' (and tools') JVM options
	 * @param catalogue the extra catalogue file every service gets
	 * @param profile whether every service records a Java Flight Recording
	 * @param shareProducers whether one producer per state serves every step that needs
	 * one (a smoke run: fewer start-ups), rather than a new one each
	 * @return the deployment, broker running, no service yet
	 */
	public static Deployment start(Path directory, List<String> states, List<String> brokerJvm, List<String> serviceJvm,
			Path catalogue, boolean profile, boolean shareProducers) {
		BrokerProcess broker = BrokerProcess.in(directory.resolve("kafka"), brokerJvm).start();
		Deployment deployment = new Deployment(directory, broker, catalogue, serviceJvm, profile, shareProducers);
		Credentials.grantKafkaAccess(deployment.admin, states);
		return deployment;
	}

	public TopicAdmin topics() {
		return this.topics;
	}

	public KafkaTools tools() {
		return this.tools;
	}

	public BrokerProcess broker() {
		return this.broker;
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * Sets a Kafka Streams property of every aggregator started from now on.
	 * @param name e.g. {@code commit.interval.ms}
	 * @param value its value
	 * @return this deployment
	 */
	Deployment withStreamsProperty(String name, String value) {
		this.aggregatorProperties.put("spring.kafka.streams.properties." + name, value);
		return this;
	}

	/**
	 * A state's producer service, not started.
	 * @param state its state
	 * @return the service
	 */
	public ServiceProcess producer(String state) {
		Map<String, String> properties = Pipeline.producerProperties(state, this.broker.bootstrapServers());
		properties.put("jointops.catalogue.extra-files", this.catalogue.toString());
		String name = "producer-" + state + "-" + this.services.size();
		return track(ServiceProcess.of(name, ServiceJars.stateProducer(), properties, this.directory.resolve(name),
				jvm(name), this.directory.resolve("logs")));
	}

	/**
	 * A state's producer service, started and healthy: a new one, or, if producers are
	 * shared, the one an earlier step started.
	 * @param state its state
	 * @return the running service; give it back with {@link #release}
	 */
	ServiceProcess startedProducer(String state) {
		ServiceProcess shared = this.sharedProducers.get(state);
		if (shared != null && shared.jvm().isAlive()) {
			return shared;
		}
		ServiceProcess producer = producer(state);
		producer.start().awaitHealthy(START_TIMEOUT);
		if (this.shareProducers) {
			this.sharedProducers.put(state, producer);
		}
		return producer;
	}

	/**
	 * Gives back a producer of {@link #startedProducer}: stopped, unless shared (then
	 * stopped with the deployment).
	 * @param producer the producer
	 */
	void release(ServiceProcess producer) {
		if (!this.sharedProducers.containsValue(producer)) {
			producer.stop();
		}
	}

	/**
	 * An aggregator instance with an application id of its own (so that each run starts
	 * from nothing), not started.
	 * @param applicationId its Kafka Streams application id; must start with the
	 * aggregator's own, whose prefix its ACLs cover
	 * @param guarantee {@link StreamsSettings#EXACTLY_ONCE} or
	 * {@link StreamsSettings#AT_LEAST_ONCE}
	 * @param stateDirectory its state directory
	 * @return the service
	 */
	public ServiceProcess aggregator(String applicationId, String guarantee, Path stateDirectory) {
		Map<String, String> properties = new LinkedHashMap<>(
				Pipeline.aggregatorProperties(this.broker.bootstrapServers(), stateDirectory));
		properties.put("jointops.catalogue.extra-files", this.catalogue.toString());
		properties.put("spring.kafka.streams.application-id", applicationId);
		properties.put("spring.kafka.streams.properties.processing.guarantee", guarantee);
		properties.putAll(this.aggregatorProperties);
		return track(ServiceProcess.of(applicationId, ServiceJars.aggregator(), properties,
				this.directory.resolve(applicationId), jvm(applicationId), this.directory.resolve("logs")));
	}

	/**
	 * Settings of a client that works as the node's administrator.
	 * @return bootstrap servers and SASL settings
	 */
	public Map<String, Object> client() {
		return this.broker.clientProperties();
	}

	private List<String> jvm(String service) {
		List<String> options = new ArrayList<>(this.serviceJvm);
		options.addAll(recording(service));
		return options;
	}

	/**
	 * The JVM options that make a process record a Java Flight Recording into
	 * {@code jfr/<name>.jfr} of the run's directory, written when it stops, if services
	 * are profiled.
	 * @param name the process's name
	 * @return the options, or none
	 */
	List<String> recording(String name) {
		if (!this.profile) {
			return List.of();
		}
		Path recordings = this.directory.resolve("jfr");
		try {
			Files.createDirectories(recordings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
				+ recordings.resolve(name + ".jfr"));
	}

	/**
	 * Writes what a service's flight recording holds so far (before a {@code kill -9},
	 * which leaves none), if services are profiled.
	 * @param service the service
	 * @param tag added to the recording's file name, e.g. {@code before-kill}
	 */
	void dumpRecording(ServiceProcess service, String tag) {
		if (!this.profile || !service.jvm().isAlive()) {
			return;
		}
		Path file = this.directory.resolve("jfr").resolve(service.name() + "-" + tag + ".jfr");
		try {
			Process jcmd = new ProcessBuilder("jcmd", Long.toString(service.jvm().pid()), "JFR.dump",
					"filename=" + file)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
				jcmd.destroyForcibly();
			}
		}
		catch (IOException ex) {
			Say.line("  no recording of %s: %s", service.name(), ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ServiceProcess track(ServiceProcess service) {
		this.services.add(service);
		return service;
	}

	@Override
	public void close() {
		this.services.forEach(ServiceProcess::close);
		this.admin.close(Duration.ofSeconds(5));
		this.broker.close();
	}

}
