package org.jointops.aggregator.health;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Whether Kafka Streams can serve the totals (contributor name {@code streams}): UP while
 * it runs; OUT_OF_SERVICE while it starts, rebalances or restores state, when the stores
 * cannot be queried; DOWN once it has stopped or failed, and while its threads keep
 * failing ({@link StreamFailures#REPEATED} times within {@link StreamFailures#RECENT}).
 */
@Component("streamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final StreamFailures failures;

	StreamsHealthIndicator(StreamsBuilderFactoryBean streams, StreamFailures failures) {
		super("Kafka Streams state unknown");
		this.streams = streams;
		this.failures = failures;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		KafkaStreams.State state = (kafkaStreams != null) ? kafkaStreams.state() : null;
		if (state == null) {
			builder.outOfService();
		}
		else if (this.failures.isRepeating()) {
			builder.down();
		}
		else {
			switch (state) {
				case RUNNING -> builder.up();
				case CREATED, REBALANCING -> builder.outOfService();
				default -> builder.down();
			}
		}
		builder.withDetail("state", (state != null) ? state.name() : "NOT_STARTED");
		if (this.failures.count() > 0) {
			builder.withDetail("threadFailures", this.failures.count())
				.withDetail("lastThreadFailure", this.failures.last().toString())
				.withDetail("lastThreadError", this.failures.lastError());
		}
	}

}
