package org.jointops.support;

import java.time.Duration;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.ReportRules;
import org.jointops.support.catalogue.CatalogueProperties;
import org.jointops.support.health.KafkaHealthIndicator;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.support.wire.WireFormat;
import org.jointops.support.wire.WireProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every jointops service has: the catalogue and its rules, the wire format, the
 * topic provisioner (waiting at most {@code spring.kafka.admin.operation-timeout}), and a
 * Kafka health indicator (contributor name {@code kafka}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ CatalogueProperties.class, WireProperties.class })
public class ServiceSupportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Catalogue catalogue(CatalogueProperties properties) {
		return CatalogueLoader.load(properties.extraFiles());
	}

	@Bean
	@ConditionalOnMissingBean
	ReportRules reportRules(Catalogue catalogue) {
		return new ReportRules(catalogue);
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
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka,
			@Value("${jointops.health.kafka-timeout:3s}") Duration timeout) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), timeout);
	}

}
