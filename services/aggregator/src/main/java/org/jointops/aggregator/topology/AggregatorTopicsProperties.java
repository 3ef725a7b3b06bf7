package org.jointops.aggregator.topology;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the aggregator's own topics are created if missing.
 *
 * @param partitions partitions of {@code council.totals}
 * @param replicationFactor replicas of each partition
 */
@ConfigurationProperties("jointops.topics")
@Validated
record AggregatorTopicsProperties(@Positive @DefaultValue("3") int partitions,
		@Positive @DefaultValue("1") short replicationFactor) {
}
