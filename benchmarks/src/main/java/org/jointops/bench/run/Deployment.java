package org.jointops.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	private final List<ServiceProcess> services = new ArrayList<>();

	private Deployment(Path directory, BrokerProcess broker, Path catalogue, List<String> serviceJvm, boolean profile) {
		this.directory = directory;
		this.broker = broker;
		this.admin = broker.admin();
		this.topics = new TopicAdmin(this.admin);
		this.catalogue = catalogue;
		this.serviceJvm = List.copyOf(serviceJvm);
		this.profile = profile;
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
	 * @return the deployment, broker running, no service yet
	 */
	public static Deployment start(Path directory, List<String> states, List<String> brokerJvm, List<String> serviceJvm,
			Path catalogue, boolean profile) {
		BrokerProcess broker = BrokerProcess.in(directory.resolve("kafka"), brokerJvm).start();
		Deployment deployment = new Deployment(directory, broker, catalogue, serviceJvm, profile);
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
		if (!this.profile) {
			return this.serviceJvm;
		}
		Path recordings = this.directory.resolve("jfr");
		try {
			Files.createDirectories(recordings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> options = new ArrayList<>(this.serviceJvm);
		options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
				+ recordings.resolve(service + ".jfr"));
		return options;
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
