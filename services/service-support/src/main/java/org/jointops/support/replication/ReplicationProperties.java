package org.jointops.support.replication;

import java.time.Duration;

import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How every topic a jointops service uses is replicated: the topics the services create
 * ({@code findings.<state>}, {@code owners.<state>}, {@code council.totals}, the dead
 * letters, the catalogue), and Kafka Streams' internal topics (changelogs and repartition
 * topics). The defaults are those of a three-broker cluster: a record is acknowledged
 * once two replicas have it, and one broker may be lost without losing a record or
 * refusing a write. One broker (the local stack, the tests) needs 1 and 1.
 *
 * @param replicationFactor replicas of each partition ({@code jointops.kafka.replication.
 * replication-factor}, 3 by default); at most the number of brokers
 * @param minInsyncReplicas replicas that must have a record before a producer with
 * {@code acks=all} is answered ({@code min.insync.replicas}, 2 by default); at most the
 * replication factor
 * @param checkInterval how often the topics that exist are checked against these settings
 * (the {@code replication} health check; also once at start-up)
 */
@ConfigurationProperties("jointops.kafka.replication")
public record ReplicationProperties(@DefaultValue("3") short replicationFactor,
		@DefaultValue("2") int minInsyncReplicas, @DefaultValue("1m") Duration checkInterval) {

	public ReplicationProperties {
		if (replicationFactor < 1 || minInsyncReplicas < 1) {
			throw new IllegalArgumentException(
					"jointops.kafka.replication.replication-factor and min-insync-replicas must be at least 1");
		}
		if (minInsyncReplicas > replicationFactor) {
			throw new IllegalArgumentException("jointops.kafka.replication.min-insync-replicas (" + minInsyncReplicas
					+ ") exceeds the replication factor (" + replicationFactor + "): no write would ever succeed");
		}
		if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException("jointops.kafka.replication.check-interval must be positive");
		}
	}

	/**
	 * A topic definition with this replication factor and {@code min.insync.replicas}.
	 * @param name the topic
	 * @return its builder, for the partitions and further settings
	 */
	public TopicBuilder topic(String name) {
		return TopicBuilder.name(name)
			.replicas(this.replicationFactor)
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(this.minInsyncReplicas));
	}

	/**
	 * What a topic that exists lacks of these settings.
	 * @param topic what the topic has
	 * @return why it falls short, or {@code null} if it does not
	 */
	public String shortfall(TopicReplication topic) {
		boolean fewerReplicas = topic.replicationFactor() < this.replicationFactor;
		boolean lowerMinIsr = topic.minInsyncReplicas() < this.minInsyncReplicas;
		if (!fewerReplicas && !lowerMinIsr) {
			return null;
		}
		return "topic " + topic.topic() + " has replication factor " + topic.replicationFactor()
				+ " and min.insync.replicas " + topic.minInsyncReplicas() + "; required: replication factor "
				+ this.replicationFactor + " and min.insync.replicas " + this.minInsyncReplicas;
	}

}
