package org.jointops.producer.publish;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka producer: acks=all and idempotence (see state-producer.yml), values in the
 * configured wire format, and waits that end before {@code jointops.publish-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	@Bean
	DefaultKafkaProducerFactory<String, ReportRevision> kafkaProducerFactory(KafkaProperties kafka, WireFormat wire,
			ProducerProperties properties, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
		Map<String, Object> config = kafka.buildProducerProperties();
		checkBounds(config, properties.publishTimeout());
		Topic<String, ReportRevision> findings = wire.findings(properties.state());
		DefaultKafkaProducerFactory<String, ReportRevision> factory = new DefaultKafkaProducerFactory<>(config,
				findings.keySerializer(), findings.valueSerializer());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return factory;
	}

	@Bean
	KafkaTemplate<String, ReportRevision> kafkaTemplate(DefaultKafkaProducerFactory<String, ReportRevision> factory) {
		return new KafkaTemplate<>(factory);
	}

	/**
	 * The producer gives up on its own (after waiting for metadata, then for delivery)
	 * before the request does, so that a 503 always means "not acknowledged", never
	 * "still in flight".
	 * @param config the producer's configuration
	 * @param publishTimeout how long a request waits for the broker
	 * @throws IllegalStateException if the producer's bounds do not end before the
	 * request's
	 */
	static void checkBounds(Map<String, Object> config, Duration publishTimeout) {
		long producerBound = producerBound(config).toMillis();
		if (producerBound >= publishTimeout.toMillis()) {
			throw new IllegalStateException("jointops.publish-timeout (" + publishTimeout.toMillis()
					+ " ms) must exceed the producer's max.block.ms + delivery.timeout.ms (" + producerBound + " ms)");
		}
	}

	/**
	 * The longest a send may take before the producer gives up on its own: waiting for
	 * metadata, then for delivery.
	 * @param config the producer's configuration
	 * @return {@code max.block.ms} plus {@code delivery.timeout.ms}
	 */
	static Duration producerBound(Map<String, Object> config) {
		return Duration.ofMillis(millis(config, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
				+ millis(config, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
	}

	private static long millis(Map<String, Object> config, String key, long defaultValue) {
		Object value = config.get(key);
		return (value != null) ? Long.parseLong(value.toString()) : defaultValue;
	}

}
