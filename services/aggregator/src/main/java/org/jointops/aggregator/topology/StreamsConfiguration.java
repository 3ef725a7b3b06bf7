package org.jointops.aggregator.topology;

import java.time.Duration;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.jointops.aggregator.health.StreamFailures;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	@Bean
	KStream<String, CouncilTotals> councilTotals(StreamsBuilder builder, CurrentCatalogue catalogue, WireFormat wire,
			AggregatorTopicsProperties topics, HistoryProperties history,
			@Value("${jointops.catalogue.catch-up-timeout:2s}") Duration catchUp) {
		return CouncilTotalsTopology.build(builder, catalogue, catchUp, wire.reportRevisions(), wire.councilTotals(),
				topics.partitions(), history);
	}

	/**
	 * A stopped instance leaves the consumer group at once, so that its successor (or a
	 * restart) gets the partitions without waiting out the session timeout. A failed
	 * stream thread is recorded and replaced.
	 * @param failures where stream-thread failures are recorded
	 * @return the configurer of the Kafka Streams factory bean
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer streamsLifecycle(StreamFailures failures) {
		return (factoryBean) -> {
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
