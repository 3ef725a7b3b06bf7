package org.jointops.aggregator.routing;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's advertised address identifies it (contributor name
 * {@code instances}): DOWN when Kafka Streams' metadata gives this address partitions
 * that this instance's threads do not hold, which means another instance advertises the
 * same address (and queries routed to it would reach either).
 */
@Component("instancesHealthIndicator")
class InstancesHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final InstanceRouter router;

	InstancesHealthIndicator(StreamsBuilderFactoryBean streams, InstanceRouter router) {
		super("Aggregator instances unknown");
		this.streams = streams;
		this.router = router;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HostInfo self = this.router.self();
		builder.withDetail("advertised", Routing.address(self));
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			builder.unknown();
			return;
		}
		Set<TopicPartition> advertised = new HashSet<>();
		int instances = 0;
		for (StreamsMetadata metadata : kafkaStreams.metadataForAllStreamsClients()) {
			instances++;
			if (metadata.hostInfo().equals(self)) {
				advertised.addAll(metadata.topicPartitions());
			}
		}
		Set<TopicPartition> held = new HashSet<>();
		for (ThreadMetadata thread : kafkaStreams.metadataForLocalThreads()) {
			for (TaskMetadata task : thread.activeTasks()) {
				held.addAll(task.topicPartitions());
			}
		}
		builder.withDetail("addresses", instances);
		Set<TopicPartition> elsewhere = new HashSet<>(advertised);
		elsewhere.removeAll(held);
		if (!elsewhere.isEmpty()) {
			builder.down()
				.withDetail("error", "Another aggregator instance advertises the same address " + Routing.address(self)
						+ " (application.server): it holds " + elsewhere.size()
						+ " partition(s) given to this address; set jointops.advertised-host (and server.port) so "
						+ "that every instance has an address of its own");
			return;
		}
		builder.up();
	}

}
