package org.jointops.aggregator.topology;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.jointops.aggregator.health.AdminOffsets;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.support.replication.ReplicatedTopics;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Runs the topology as the application of its state layout ({@link StateLayout}): the
 * configured application id is the base the layout's id is made from, a previous layout
 * found at start is reported ({@link LayoutUpgrade}), and the queries wait until the
 * application has caught up with the findings topics ({@link CatchUp}).
 */
@Configuration(proxyBeanMethods = false)
class StateLayoutConfiguration {

	private final String base;

	private final Object stateDirectory;

	StateLayoutConfiguration(
			@Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration streams) {
		Properties properties = streams.asProperties();
		Object configured = properties.get(StreamsConfig.APPLICATION_ID_CONFIG);
		this.base = (configured != null) ? configured.toString() : null;
		this.stateDirectory = properties.get(StreamsConfig.STATE_DIR_CONFIG);
		// refuses a base that already names a layout before anything starts
		StateLayout.applicationId(this.base);
	}

	/**
	 * Kafka Streams runs as the application of this state layout.
	 * @return the configurer of the Kafka Streams factory bean
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer stateLayoutApplicationId() {
		return (factoryBean) -> {
			Properties properties = factoryBean.getStreamsConfiguration();
			properties.put(StreamsConfig.APPLICATION_ID_CONFIG, StateLayout.applicationId(this.base));
			factoryBean.setStreamsConfiguration(properties);
		};
	}

	/**
	 * The topics the aggregator uses, held to {@code jointops.kafka.replication} by the
	 * {@code replication} health check: its own, the findings topics it reads, and the
	 * internal topics of this layout's application (those of earlier layouts are no
	 * longer used).
	 * @return the topics
	 */
	@Bean
	ReplicatedTopics aggregatorReplicatedTopics() {
		ReplicatedTopics own = ReplicatedTopics
			.named(List.of(Topics.COUNCIL_TOTALS, Topics.DEAD_LETTER, Topics.PUBLICATIONS));
		ReplicatedTopics read = ReplicatedTopics
			.prefixed(List.of(Topics.FINDINGS_PREFIX, StateLayout.applicationId(this.base) + "-"));
		return (topic) -> own.covers(topic) || read.covers(topic);
	}

	@Bean
	LayoutUpgrade layoutUpgrade(KafkaAdmin admin) {
		return new LayoutUpgrade(admin.getConfigurationProperties(), this.base,
				(this.stateDirectory != null) ? Path.of(this.stateDirectory.toString()) : null);
	}

	@Bean
	CatchUp catchUp(KafkaAdmin admin, Clock clock) {
		String applicationId = StateLayout.applicationId(this.base);
		List<CatchUp.Stage> stages = new ArrayList<>();
		stages.add(new CatchUp.Stage("the findings topics", Topics.FINDINGS_PATTERN));
		StateLayout.repartitionTopics(applicationId).forEach((topic) -> stages.add(CatchUp.Stage.of(topic)));
		return new CatchUp(new AdminOffsets(admin.getConfigurationProperties(), applicationId), stages, clock);
	}

}
