package org.jointops.localstack.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.jointops.localstack.launch.ServiceLauncher;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main class of an aggregator process: one instance of the aggregator, configured by
 * the file the stack wrote for it ({@link AggregatorInstance}), ending with the stack
 * ({@link ParentWatch}) and closing its Spring context when stopped.
 */
public final class AggregatorMain {

	static final String NAME = "local-stack.name";

	static final String PORT = "local-stack.port";

	static final String BOOTSTRAP_SERVERS = "local-stack.bootstrap-servers";

	static final String STATE_DIRECTORY = "local-stack.state-dir";

	static final String TOMCAT_DIRECTORY = "local-stack.tomcat-dir";

	private AggregatorMain() {
	}

	/**
	 * Runs the instance until it is stopped.
	 * @param args the instance's configuration file
	 */
	public static void main(String[] args) {
		ParentWatch.install("aggregator");
		Properties launch = read(Path.of(args[0]));
		Map<String, String> settings = new LinkedHashMap<>();
		launch.stringPropertyNames().forEach((key) -> settings.put(key, launch.getProperty(key)));
		String name = settings.remove(NAME);
		int port = Integer.parseInt(settings.remove(PORT));
		String bootstrap = settings.remove(BOOTSTRAP_SERVERS);
		Path state = Path.of(settings.remove(STATE_DIRECTORY));
		Path tomcat = Path.of(settings.remove(TOMCAT_DIRECTORY));
		ConfigurableApplicationContext context;
		try {
			context = ServiceLauncher.startAggregator(name, port, bootstrap, state, tomcat, settings);
		}
		catch (RuntimeException ex) {
			// said in the log; nothing may keep this JVM alive
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(context::close, name + "-stop"));
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
