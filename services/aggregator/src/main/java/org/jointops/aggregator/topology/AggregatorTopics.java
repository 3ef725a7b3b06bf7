package org.jointops.aggregator.topology;

import org.apache.kafka.common.config.TopicConfig;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * The topics the aggregator writes to, created before Kafka Streams starts if they are
 * missing: {@value Topics#COUNCIL_TOTALS} (compacted: one record per operation, the
 * latest is the current state) and {@value Topics#DEAD_LETTER} (kept for ever: each is a
 * report somebody has to explain), and {@value Topics#CATALOGUE} (one partition,
 * compacted: the latest catalogue version, written by the admin API, read by every
 * service). Without them the aggregator does not start. Existing topics are never
 * altered.
 */
@Component
class AggregatorTopics implements SmartInitializingSingleton {

	private final TopicProvisioner provisioner;

	private final AggregatorTopicsProperties properties;

	AggregatorTopics(TopicProvisioner provisioner, AggregatorTopicsProperties properties) {
		this.provisioner = provisioner;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.provisioner.createIfMissing(TopicBuilder.name(Topics.COUNCIL_TOTALS)
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicationFactor())
			.compact()
			.build());
		this.provisioner.createIfMissing(TopicBuilder.name(Topics.DEAD_LETTER)
			.partitions(1)
			.replicas(this.properties.replicationFactor())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build());
		this.provisioner.createIfMissing(TopicBuilder.name(Topics.CATALOGUE)
			.partitions(1)
			.replicas(this.properties.replicationFactor())
			.compact()
			.build());
	}

}
