package org.jointops.testsupport.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The services' executable jars, as the build made them. A module whose tests start
 * services as processes passes their paths in as system properties
 * ({@value #STATE_PRODUCER} and {@value #AGGREGATOR}; see {@code system-tests/pom.xml}).
 */
public final class ServiceJars {

	/** The system property that gives the state producer's jar. */
	public static final String STATE_PRODUCER = "jointops.jar.state-producer";

	/** The system property that gives the aggregator's jar. */
	public static final String AGGREGATOR = "jointops.jar.aggregator";

	private ServiceJars() {
	}

	public static Path stateProducer() {
		return jar(STATE_PRODUCER);
	}

	public static Path aggregator() {
		return jar(AGGREGATOR);
	}

	private static Path jar(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property " + property
					+ " is not set: run these tests through Maven (./mvnw verify), which builds the jar and passes its path");
		}
		Path jar = Path.of(value);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(property + " names " + jar + ", which does not exist; build it first");
		}
		return jar;
	}

}
