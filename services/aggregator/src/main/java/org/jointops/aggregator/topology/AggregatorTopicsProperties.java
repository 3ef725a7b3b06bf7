package org.jointops.aggregator.topology;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the aggregator's topics are partitioned (their replication, internal topics
 * included, is {@code jointops.kafka.replication}).
 *
 * @param partitions partitions of {@code council.totals} (if the aggregator creates it)
 * and of the internal topics; never change it once the aggregator has run
 */
@ConfigurationProperties("jointops.topics")
@Validated
record AggregatorTopicsProperties(@Positive @DefaultValue("3") int partitions) {
}
