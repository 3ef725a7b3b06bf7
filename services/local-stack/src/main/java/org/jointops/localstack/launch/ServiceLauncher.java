package org.jointops.localstack.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.producer.StateProducerApplication;
import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services as Spring contexts in this JVM, each with its own configuration
 * file and the settings of the stack given as command-line arguments (which win over the
 * file).
 * <p>
 * Each service keeps its working files under the stack's data directory, never in a
 * shared temporary directory: the aggregator's Kafka Streams state in
 * {@code aggregator/}, and every service's Tomcat base and document directories in
 * {@code tomcat/<service>/}.
 */
public final class ServiceLauncher {

	/**
	 * Tomcat's home directory, a JVM-wide system property that the first Tomcat started
	 * sets to its own base directory, and that every later one creates if it is missing:
	 * racing with each other (the stack starts its producers in parallel) once a stopped
	 * stack's directory is gone.
	 */
	private static final String CATALINA_HOME = "catalina.home";

	/** The replication of every topic on the stack's single broker. */
	private static final Map<String, String> ONE_BROKER = Map.of("jointops.kafka.replication.replication-factor", "1",
			"jointops.kafka.replication.min-insync-replicas", "1");

	static {
		// several Spring contexts share this JVM: logging is configured once, by logback
		// itself (logback.xml), not re-initialised by each context as it starts
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
	 * @param dataDirectory the stack's data directory, where the service keeps its
	 * working files
	 * @param extra further settings, e.g. for tests
	 * @return the running context
	 */
	public static ConfigurableApplicationContext startProducer(String state, int port, String bootstrapServers,
			Path dataDirectory, Map<String, String> extra) {
		String name = "state-producer-" + state.toLowerCase(Locale.ROOT);
		List<String> args = common(name, port, bootstrapServers);
		args.add("--jointops.state=" + state);
		return run(StateProducerApplication.application(), tomcatDirectory(dataDirectory, name), args, extra);
	}

	/**
	 * Starts the aggregator.
	 * @param port the HTTP port
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param dataDirectory the stack's data directory, where the service keeps its
	 * working files and its Kafka Streams state ({@code aggregator/})
	 * @param extra further settings: its readers' tokens, and e.g. for tests
	 * @return the running context
	 */
	public static ConfigurableApplicationContext startAggregator(int port, String bootstrapServers, Path dataDirectory,
			Map<String, String> extra) {
		String name = "aggregator";
		return startAggregator(name, port, bootstrapServers, dataDirectory.resolve("aggregator"),
				tomcatDirectory(dataDirectory, name), extra);
	}

	/**
	 * Starts one aggregator instance with directories of its own, e.g. one of several
	 * instances of the replicated shape, each in a JVM of its own.
	 * @param name the instance's name (its Kafka client id)
	 * @param port the HTTP port
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param stateDirectory its Kafka Streams state directory
	 * @param tomcatDirectory its Tomcat base directory
	 * @param extra further settings: its readers' tokens, its instances' settings
	 * @return the running context
	 */
	public static ConfigurableApplicationContext startAggregator(String name, int port, String bootstrapServers,
			Path stateDirectory, Path tomcatDirectory, Map<String, String> extra) {
		List<String> args = common(name, port, bootstrapServers);
		args.add("--spring.kafka.streams.state-dir=" + stateDirectory.toAbsolutePath());
		return run(AggregatorApplication.application(), tomcatDirectory.toAbsolutePath(), args, extra);
	}

	private static Path tomcatDirectory(Path dataDirectory, String name) {
		return dataDirectory.resolve("tomcat").resolve(name).toAbsolutePath();
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

	private static ConfigurableApplicationContext run(SpringApplication application, Path tomcat, List<String> args,
			Map<String, String> extra) {
		Path documents = tomcat.resolve("docbase");
		try {
			Files.createDirectories(documents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + documents, ex);
		}
		// an existing directory, made before any Tomcat of this stack starts
		System.setProperty(CATALINA_HOME, tomcat.toString());
		args.add("--server.tomcat.basedir=" + tomcat);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("localStackDocumentRoot", new DocumentRoot(documents)));
		// the stack closes the services itself, in order: producers, aggregator, then the
		// broker
		application.setRegisterShutdownHook(false);
		// one broker unless the caller says otherwise: one replica of every topic (the
		// services' own defaults are those of a three-broker cluster)
		Map<String, String> settings = new LinkedHashMap<>(ONE_BROKER);
		settings.putAll(extra);
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * Tomcat's document root, which Spring Boot otherwise makes in the temporary
	 * directory (an empty one: the services serve only classpath resources).
	 */
	private static final class DocumentRoot implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

		private final Path directory;

		DocumentRoot(Path directory) {
			this.directory = directory;
		}

		@Override
		public void customize(ConfigurableServletWebServerFactory factory) {
			factory.setDocumentRoot(this.directory.toFile());
		}

	}

}
