package org.jointops.aggregator.topology;

import org.apache.kafka.common.config.TopicConfig;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.support.replication.ReplicationProperties;
import org.jointops.wire.Topics;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The topics the aggregator writes to, created before Kafka Streams starts if they are
 * missing: {@value Topics#COUNCIL_TOTALS} (compacted: one record per operation, the
 * latest is the current state) and {@value Topics#DEAD_LETTER} (kept for ever: each is a
 * report somebody has to explain), and {@value Topics#CATALOGUE} (one partition,
 * compacted: the latest catalogue version, written by the admin API, read by every
 * service). Without them the aggregator does not start. Existing topics are never
 * altered. All are replicated as {@code jointops.kafka.replication} says.
 */
@Component
class AggregatorTopics implements SmartInitializingSingleton {

	private final TopicProvisioner provisioner;

	private final AggregatorTopicsProperties properties;

	private final ReplicationProperties replication;

	AggregatorTopics(TopicProvisioner provisioner, AggregatorTopicsProperties properties,
			ReplicationProperties replication) {
		this.provisioner = provisioner;
		this.properties = properties;
		this.replication = replication;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.provisioner.createIfMissing(this.replication.topic(Topics.COUNCIL_TOTALS)
			.partitions(this.properties.partitions())
			.compact()
			.build());
		this.provisioner.createIfMissing(this.replication.topic(Topics.DEAD_LETTER)
			.partitions(1)
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build());
		this.provisioner.createIfMissing(this.replication.topic(Topics.CATALOGUE).partitions(1).compact().build());
		this.provisioner.createIfMissing(this.replication.topic(Topics.REGISTER).partitions(1).compact().build());
		this.provisioner.createIfMissing(this.replication.topic(Topics.PUBLICATIONS).partitions(1).compact().build());
	}

}
