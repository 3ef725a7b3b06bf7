package org.jointops.aggregator.topology;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.jointops.catalogue.ReportRules;
import org.jointops.support.wire.WireFormat;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Wires the topology into Spring's Kafka Streams lifecycle; the topology itself is
 * {@link CouncilTotalsTopology#build}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

	@Bean
	KStream<String, CouncilTotals> councilTotals(StreamsBuilder builder, ReportRules rules, WireFormat wire) {
		return CouncilTotalsTopology.build(builder, rules, wire.deserializer(), wire.serializer());
	}

	/**
	 * A stopped instance leaves the consumer group at once, so that its successor (or a
	 * restart) gets the partitions without waiting out the session timeout.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
		return (factoryBean) -> factoryBean.setLeaveGroupOnClose(true);
	}

	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueryService(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsInteractiveQueryService(streams);
	}

	/** Council totals: one record per operation, the latest is the current state. */
	@Bean
	NewTopic councilTotalsTopic(AggregatorTopicsProperties properties) {
		return TopicBuilder.name(Topics.COUNCIL_TOTALS)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.compact()
			.build();
	}

	/** Dead letters are kept for ever: each is a report somebody has to explain. */
	@Bean
	NewTopic deadLetterTopic(AggregatorTopicsProperties properties) {
		return TopicBuilder.name(Topics.DEAD_LETTER)
			.partitions(1)
			.replicas(properties.replicationFactor())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

}
