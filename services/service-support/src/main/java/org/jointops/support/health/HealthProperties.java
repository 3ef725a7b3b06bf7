package org.jointops.support.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks its own health.
 *
 * @param kafkaTimeout how long the {@code kafka} health check waits for the cluster
 * ({@code jointops.health.kafka-timeout}, 3 s by default)
 */
@ConfigurationProperties("jointops.health")
public record HealthProperties(@DefaultValue("3s") Duration kafkaTimeout) {
}
