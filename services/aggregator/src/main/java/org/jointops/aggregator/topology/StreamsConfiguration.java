package org.jointops.aggregator.topology;

import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.jointops.aggregator.health.StreamFailures;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Wires the topology into Spring's Kafka Streams lifecycle; the topology itself is
 * {@link CouncilTotalsTopology#build}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StreamsConfiguration.class);

	/** Spring Boot's HTTP port when none is set. */
	private static final int DEFAULT_PORT = 8080;

	@Bean
	KStream<String, CouncilTotals> councilTotals(StreamsBuilder builder, CurrentCatalogue catalogue, WireFormat wire,
			AggregatorTopicsProperties topics, CatalogueProperties catalogueProperties, HistoryProperties history) {
		return CouncilTotalsTopology.build(builder, catalogue, catalogueProperties.catchUpTimeout(),
				wire.reportRevisions(), wire.councilTotals(), topics.partitions(), history);
	}

	/**
	 * Where this instance answers (Kafka Streams' {@code application.server}), unless
	 * {@code spring.kafka.streams.properties.application.server} says otherwise: the
	 * advertised host and the HTTP port. A stopped instance leaves the consumer group at
	 * once, so that its successor (or a restart) gets the partitions without waiting out
	 * the session timeout. A failed stream thread is recorded and replaced.
	 * @param failures where stream-thread failures are recorded
	 * @param instance the host this instance is reached at
	 * @param server the HTTP port
	 * @return the configurer of the Kafka Streams factory bean
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer streamsLifecycle(StreamFailures failures, InstanceProperties instance,
			ServerProperties server) {
		return (factoryBean) -> {
			Properties streams = factoryBean.getStreamsConfiguration();
			if (streams != null) {
				int port = (server.getPort() != null) ? server.getPort() : DEFAULT_PORT;
				streams.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, instance.advertisedHost() + ":" + port);
				factoryBean.setStreamsConfiguration(streams);
			}
			factoryBean.setLeaveGroupOnClose(true);
			factoryBean.setStreamsUncaughtExceptionHandler((ex) -> {
				failures.record(ex);
				logger.error("A stream thread failed; replacing it, its tasks resume from their last commit", ex);
				return StreamThreadExceptionResponse.REPLACE_THREAD;
			});
		};
	}

	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueryService(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsInteractiveQueryService(streams);
	}

}
