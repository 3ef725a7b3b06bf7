package org.jointops.aggregator.health;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP while Kafka Streams is running or rebalancing, DOWN before it starts and once it has
 * stopped or failed (contributor name {@code streams}).
 */
@Component("streamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		super("Kafka Streams state unknown");
		this.streams = streams;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			builder.outOfService().withDetail("state", "NOT_STARTED");
			return;
		}
		KafkaStreams.State state = kafkaStreams.state();
		switch (state) {
			case RUNNING -> builder.up();
			case CREATED, REBALANCING -> builder.outOfService();
			default -> builder.down();
		}
		builder.withDetail("state", state.name());
	}

}
