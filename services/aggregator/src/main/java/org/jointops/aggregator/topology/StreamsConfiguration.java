package org.jointops.aggregator.topology;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.jointops.aggregator.health.StreamFailures;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.aggregator.routing.InstancesProperties;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.replication.ReplicationProperties;
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
	 * advertised host and the HTTP port, refused when it cannot tell this instance from
	 * the others ({@link InstancesProperties#checkAdvertised}); the standby replicas of
	 * {@code jointops.instances.standby-replicas}, as many as the other instances can
	 * hold ({@link InstancesProperties#placeableStandbyReplicas}); with several
	 * instances, a configured {@code client.id} made this instance's own by its address.
	 * A stopped instance leaves the consumer group at once, so that its successor (or a
	 * restart) gets the partitions without waiting out the session timeout. A failed
	 * stream thread is recorded and replaced.
	 * @param failures where stream-thread failures are recorded
	 * @param instance the host this instance is reached at
	 * @param instances how many instances the deployment runs, and their standby replicas
	 * @param server the HTTP port
	 * @return the configurer of the Kafka Streams factory bean
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer streamsLifecycle(StreamFailures failures, InstanceProperties instance,
			InstancesProperties instances, ServerProperties server) {
		return (factoryBean) -> {
			Properties streams = factoryBean.getStreamsConfiguration();
			if (streams != null) {
				int port = (server.getPort() != null) ? server.getPort() : DEFAULT_PORT;
				streams.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, instance.advertisedHost() + ":" + port);
				instances.checkAdvertised(streams.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
				String clientId = streams.getProperty(StreamsConfig.CLIENT_ID_CONFIG);
				if (clientId != null && instances.expected() > 1) {
					// the group coordinator tells instances apart by their stream
					// threads'
					// client ids: one set alike for every instance must not hide which
					// instance holds what
					streams.put(StreamsConfig.CLIENT_ID_CONFIG, clientId + "-"
							+ streams.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG).replace(':', '-'));
				}
				streams.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
						String.valueOf(instances.placeableStandbyReplicas()));
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

	/**
	 * Kafka Streams' internal topics (changelogs, repartition topics) are replicated as
	 * every other topic ({@code jointops.kafka.replication}): {@code replication.factor}
	 * and, as a topic config, {@code min.insync.replicas}; its producers wait for every
	 * in-sync replica ({@code acks=all}, which exactly-once needs anyway). These override
	 * {@code spring.kafka.streams.replication-factor} and the same settings under
	 * {@code spring.kafka.streams.properties}: one place says how topics are replicated.
	 * @param replication how topics are replicated
	 * @return the configurer of the Kafka Streams factory bean
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer streamsReplication(ReplicationProperties replication) {
		return (factoryBean) -> {
			Properties streams = factoryBean.getStreamsConfiguration();
			if (streams != null) {
				streams.putAll(internalTopics(replication));
				factoryBean.setStreamsConfiguration(streams);
			}
		};
	}

	/**
	 * The Kafka Streams settings that replicate its internal topics as configured.
	 * @param replication how topics are replicated
	 * @return the settings
	 */
	static Map<String, Object> internalTopics(ReplicationProperties replication) {
		return Map.of(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication.replicationFactor(),
				StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
				String.valueOf(replication.minInsyncReplicas()),
				StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
	}

	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueryService(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsInteractiveQueryService(streams);
	}

}
