package org.jointops.producer.publish;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointops.producer.ProducerProperties;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka producer (values in the configured wire format) and the state's findings
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	@Bean
	DefaultKafkaProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties kafka, WireFormat wire,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
		DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), new StringSerializer(), wire.serializer());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return factory;
	}

	@Bean
	KafkaTemplate<String, Object> kafkaTemplate(DefaultKafkaProducerFactory<String, Object> factory) {
		return new KafkaTemplate<>(factory);
	}

	@Bean
	FindingsTopicGuard findingsTopicGuard(KafkaAdmin admin, NewTopic findingsTopic) {
		return new FindingsTopicGuard(admin, findingsTopic);
	}

	/**
	 * The state's findings topic. It is the system of record: records are kept for ever.
	 */
	@Bean
	NewTopic findingsTopic(ProducerProperties properties) {
		ProducerProperties.Topic topic = properties.topic();
		return TopicBuilder.name(Topics.findings(properties.state()))
			.partitions(topic.partitions())
			.replicas(topic.replicationFactor())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topic.minInsyncReplicas()))
			.build();
	}

}
