package org.jointops.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.support.catalogue.CatalogueHealthIndicator;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.catalogue.LiveCatalogue;
import org.jointops.support.health.HealthProperties;
import org.jointops.support.health.KafkaHealthIndicator;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.support.register.CurrentRegister;
import org.jointops.support.register.LiveRegister;
import org.jointops.support.replication.ReplicatedTopics;
import org.jointops.support.replication.ReplicationHealthIndicator;
import org.jointops.support.replication.ReplicationProperties;
import org.jointops.support.wire.WireFormat;
import org.jointops.support.wire.WireProperties;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every jointops service has: the live catalogue (with its rules, version gauge and
 * health details), the wire format, the topic provisioner (waiting at most
 * {@code spring.kafka.admin.operation-timeout}), and a Kafka health indicator
 * (contributor name {@code kafka}, waiting at most
 * {@code jointops.health.kafka-timeout}), and the replication check (contributor name
 * {@code replication}) of the topics the service uses against
 * {@code jointops.kafka.replication}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ CatalogueProperties.class, WireProperties.class, HealthProperties.class,
		ReplicationProperties.class })
public class ServiceSupportAutoConfiguration {

	/**
	 * The catalogue, as it changes: the bundled file and extra files at start-up, then
	 * each version on {@code catalogue.changes}. Read with the service's consumer
	 * settings (security included).
	 * @param properties where the catalogue comes from and how its changes are followed
	 * @param kafka the service's Kafka settings
	 * @return the live catalogue
	 */
	@Bean
	@ConditionalOnMissingBean(CurrentCatalogue.class)
	LiveCatalogue liveCatalogue(CatalogueProperties properties, KafkaProperties kafka) {
		return new LiveCatalogue(CatalogueLoader.load(properties.extraFiles()), kafka.buildConsumerProperties(),
				properties.startupWait());
	}

	/**
	 * The council's registers (exchange rates, statuses, publications), as they change on
	 * {@code council.register}; followed with the catalogue's start-up wait.
	 * @param properties the catalogue's settings
	 * @param kafka the service's Kafka settings
	 * @return the live registers
	 */
	@Bean
	@ConditionalOnMissingBean(CurrentRegister.class)
	LiveRegister liveRegister(CatalogueProperties properties, KafkaProperties kafka) {
		return new LiveRegister(kafka.buildConsumerProperties(), properties.startupWait());
	}

	@Bean
	MeterBinder catalogueMetrics(CurrentCatalogue catalogue) {
		return (registry) -> Gauge.builder("jointops.catalogue.version", catalogue, CurrentCatalogue::version)
			.description("The catalogue version this service validates against (0: its start-up content)")
			.register(registry);
	}

	@Bean(name = "catalogueHealthIndicator")
	@ConditionalOnMissingBean(name = "catalogueHealthIndicator")
	CatalogueHealthIndicator catalogueHealthIndicator(CurrentCatalogue catalogue) {
		return new CatalogueHealthIndicator(catalogue);
	}

	@Bean
	@ConditionalOnMissingBean
	WireFormat wireFormat(WireProperties properties) {
		return new WireFormat(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	TopicProvisioner topicProvisioner(KafkaProperties kafka) {
		Duration timeout = kafka.getAdmin().getOperationTimeout();
		return new TopicProvisioner(kafka.buildAdminProperties(), (timeout != null) ? timeout : Duration.ofSeconds(10));
	}

	@Bean(name = "kafkaHealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, HealthProperties health) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), health.kafkaTimeout());
	}

	/**
	 * The catalogue and register topics, which every service reads, are held to the
	 * replication settings.
	 * @return the catalogue and register topics
	 */
	@Bean
	ReplicatedTopics catalogueTopic() {
		return ReplicatedTopics.named(List.of(Topics.CATALOGUE, Topics.REGISTER));
	}

	@Bean(name = "replicationHealthIndicator")
	@ConditionalOnMissingBean(name = "replicationHealthIndicator")
	ReplicationHealthIndicator replicationHealthIndicator(KafkaProperties kafka, HealthProperties health,
			ReplicationProperties replication, ObjectProvider<ReplicatedTopics> topics) {
		return new ReplicationHealthIndicator(kafka.buildAdminProperties(), replication,
				topics.orderedStream().toList(), health.kafkaTimeout(), Clock.systemUTC());
	}

}
