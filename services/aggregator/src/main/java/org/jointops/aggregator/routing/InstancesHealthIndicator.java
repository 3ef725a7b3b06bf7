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
 * {@code instances}): DOWN when, while Kafka Streams runs, its metadata for this address
 * differs from the partitions this instance's threads hold, or leaves a ledger partition
 * without an instance: another instance advertises the same address (Kafka Streams keeps
 * one entry per address, so one instance's partitions hide the other's); DOWN too when
 * more instances run than {@code jointops.instances.expected} says, which leaves them
 * without standby replicas and without the group coordinator's confirmation.
 */
@Component("instancesHealthIndicator")
class InstancesHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final InstanceRouter router;

	private final int expected;

	InstancesHealthIndicator(StreamsBuilderFactoryBean streams, InstanceRouter router, InstancesProperties instances) {
		super("Aggregator instances unknown");
		this.streams = streams;
		this.router = router;
		this.expected = instances.expected();
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
		Set<Integer> ledgerPartitions = new HashSet<>();
		int addresses = 0;
		for (StreamsMetadata metadata : kafkaStreams.metadataForAllStreamsClients()) {
			addresses++;
			ledgerPartitions.addAll(InstanceRouter.ledgerPartitions(metadata.topicPartitions()));
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
		builder.withDetail("addresses", addresses).withDetail("expected", this.expected);
		if (addresses > this.expected) {
			builder.down()
				.withDetail("error",
						addresses + " aggregator instances run, but jointops.instances.expected is " + this.expected
								+ ": set it to the number of instances, so that each store gets a standby "
								+ "replica and an instance cut off from the cluster stops answering from its store");
			return;
		}
		// Kafka Streams keeps one entry per address: with two instances on one address,
		// this one's partitions are another's, or lost (the other's entry replaced it),
		// or
		// the other's are lost (this one's replaced it), so some ledger partition has no
		// instance
		boolean mismatch = !advertised.equals(held) || ledgerPartitions.size() < this.router.partitions();
		if (mismatch) {
			builder.down()
				.withDetail("error", "Another aggregator instance advertises the same address " + Routing.address(self)
						+ " (application.server): Kafka Streams' metadata gives this address " + advertised.size()
						+ " partition(s) while this instance holds " + held.size() + ", and " + ledgerPartitions.size()
						+ " of the " + this.router.partitions()
						+ " ledger partitions have an instance; set jointops.advertised-host (and server.port) so "
						+ "that every instance has an address of its own");
			return;
		}
		builder.up();
	}

}
