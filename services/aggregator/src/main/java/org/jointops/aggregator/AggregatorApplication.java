package org.jointops.aggregator;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The council aggregator: Kafka Streams with exactly-once processing turns every state's
 * findings into council totals, and serves them to the secretariat.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AggregatorApplication {

	/**
	 * Name of the configuration files ({@code aggregator.yml}), distinct from the
	 * producers'.
	 */
	public static final String CONFIG_NAME = "aggregator";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application, reading {@code aggregator.yml}, so that it can share a JVM with
	 * the state producers (see local-stack).
	 * @return the application, not started
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(AggregatorApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
