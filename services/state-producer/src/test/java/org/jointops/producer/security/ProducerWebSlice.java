package org.jointops.producer.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.ingest.IngestMetrics;
import org.jointops.producer.ingest.RecordingPublisher;
import org.jointops.producer.ingest.RegisterStandIn;
import org.jointops.producer.ingest.ReportIntake;
import org.jointops.producer.ingest.StageLocks;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What the security web tests of a producer run with: its security and intake, with Kafka
 * stood in for ({@link RecordingPublisher}) and no default token.
 */
@TestConfiguration
@EnableConfigurationProperties(ProducerProperties.class)
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, ReportIntake.class, StageLocks.class,
		IngestMetrics.class })
class ProducerWebSlice {

	@Bean
	CurrentCatalogue currentCatalogue() {
		return CurrentCatalogue.fixed(CatalogueLoader.bundled());
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(Instant.parse("2017-06-03T08:00:00Z"), ZoneOffset.UTC);
	}

	@Bean
	RecordingPublisher recordingPublisher() {
		return new RecordingPublisher();
	}

	@Bean
	RegisterStandIn registerStandIn() {
		return new RegisterStandIn();
	}

}
