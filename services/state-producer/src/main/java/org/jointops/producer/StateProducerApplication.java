package org.jointops.producer;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The producer service of one member state: agencies post reports, it validates them
 * against the catalogue and publishes each accepted revision to {@code findings.<state>}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StateProducerApplication {

	/**
	 * Name of the configuration files ({@code state-producer.yml}), distinct from the
	 * aggregator's.
	 */
	public static final String CONFIG_NAME = "state-producer";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application, reading {@code state-producer.yml}, so that it can share a JVM
	 * with the aggregator (see local-stack).
	 * @return the application, not started
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(StateProducerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
