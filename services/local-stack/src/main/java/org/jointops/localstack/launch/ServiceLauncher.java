package org.jointops.localstack.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.producer.StateProducerApplication;
import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services as Spring contexts in this JVM, each with its own configuration
 * file and the settings of the stack given as command-line arguments (which win over the
 * file).
 */
public final class ServiceLauncher {

	static {
		// several Spring contexts share this JVM: logging is configured once, by logback
		// itself
		// (logback.xml), not re-initialised by each context as it starts
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		// Tomcat logs through java.util.logging: route it to the same configuration
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
	}

	private ServiceLauncher() {
	}

	/**
	 * Starts the producer service of one state.
	 * @param state the ISO alpha-3 code of the state
	 * @param port the HTTP port
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param extra further settings, e.g. for tests
	 * @return the running context
	 */
	public static ConfigurableApplicationContext startProducer(String state, int port, String bootstrapServers,
			Map<String, String> extra) {
		String name = "state-producer-" + state.toLowerCase(Locale.ROOT);
		List<String> args = common(name, port, bootstrapServers);
		args.add("--jointops.state=" + state);
		return run(StateProducerApplication.application(), args, extra);
	}

	/**
	 * Starts the aggregator.
	 * @param port the HTTP port
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param stateDirectory the directory of Kafka Streams' local state
	 * @param extra further settings: its readers' tokens, and e.g. for tests
	 * @return the running context
	 */
	public static ConfigurableApplicationContext startAggregator(int port, String bootstrapServers, Path stateDirectory,
			Map<String, String> extra) {
		List<String> args = common("aggregator", port, bootstrapServers);
		args.add("--spring.kafka.streams.state-dir=" + stateDirectory.toAbsolutePath());
		return run(AggregatorApplication.application(), args, extra);
	}

	private static List<String> common(String name, int port, String bootstrapServers) {
		List<String> args = new ArrayList<>();
		args.add("--spring.application.name=" + name);
		args.add("--spring.kafka.client-id=" + name);
		args.add("--server.port=" + port);
		args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
		args.add("--spring.main.banner-mode=off");
		return args;
	}

	private static ConfigurableApplicationContext run(SpringApplication application, List<String> args,
			Map<String, String> extra) {
		// the stack closes the services itself, in order: producers, aggregator, then the
		// broker
		application.setRegisterShutdownHook(false);
		extra.forEach((key, value) -> args.add("--" + key + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

}
