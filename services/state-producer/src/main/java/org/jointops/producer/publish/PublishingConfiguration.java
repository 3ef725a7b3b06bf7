package org.jointops.producer.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.ReportRevision;
import org.jointops.support.replication.ReplicatedTopics;
import org.jointops.support.wire.WireFormat;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;

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
		checkAcks(config);
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
	 * The topics of this state's producer, held to {@code jointops.kafka.replication} by
	 * the {@code replication} health check.
	 * @param properties the producer's configuration
	 * @return {@code findings.<state>} and {@code owners.<state>}
	 */
	@Bean
	ReplicatedTopics stateTopics(ProducerProperties properties) {
		return ReplicatedTopics
			.named(List.of(Topics.findings(properties.state()), Topics.owners(properties.state()).name()));
	}

	/**
	 * A report is answered 202 only once every in-sync replica has it
	 * ({@code min.insync.replicas} of them at least): the producer must wait for all.
	 * @param config the producer's configuration
	 * @throws IllegalStateException if {@code acks} is not {@code all}
	 */
	static void checkAcks(Map<String, Object> config) {
		Object acks = config.get(ProducerConfig.ACKS_CONFIG);
		String value = (acks != null) ? acks.toString().trim() : "all";
		if (!value.equals("all") && !value.equals("-1")) {
			throw new IllegalStateException("spring.kafka.producer.acks is " + value
					+ ": it must be all, so that an accepted report is on min.insync.replicas replicas");
		}
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
