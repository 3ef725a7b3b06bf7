package org.jointops.aggregator.health;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Whether Kafka Streams can serve the totals (contributor name {@code streams}): UP while
 * it runs and has caught up; OUT_OF_SERVICE while it starts, rebalances or restores
 * state, when the stores cannot be queried, and while it catches up with the findings
 * topics ({@link CatchUp}: running, but its stores still partial); DOWN once it has
 * stopped or failed, and while its threads keep failing ({@link StreamFailures#REPEATED}
 * times within {@link StreamFailures#RECENT}).
 */
@Component("streamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final StreamFailures failures;

	private final CatchUp catchUp;

	StreamsHealthIndicator(StreamsBuilderFactoryBean streams, StreamFailures failures, CatchUp catchUp) {
		super("Kafka Streams state unknown");
		this.streams = streams;
		this.failures = failures;
		this.catchUp = catchUp;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		KafkaStreams.State state = (kafkaStreams != null) ? kafkaStreams.state() : null;
		Optional<CatchUp.Lag> lag = this.catchUp.lag();
		builder.status(status(state, this.failures.isRepeating(), lag.isPresent()));
		builder.withDetail("state", (state != null) ? state.name() : "NOT_STARTED");
		lag.ifPresent((behind) -> {
			builder.withDetail("catchingUp", true);
			if (behind.stage() != null) {
				builder.withDetail("catchingUpWith", behind.stage()).withDetail("recordsBehind", behind.records());
			}
		});
		if (this.failures.count() > 0) {
			builder.withDetail("threadFailures", this.failures.count())
				.withDetail("lastThreadFailure", this.failures.last().toString())
				.withDetail("lastThreadError", this.failures.lastError());
		}
	}

	/**
	 * Whether the totals can be served.
	 * @param state the state of Kafka Streams, null before it was created
	 * @param repeating whether its threads keep failing
	 * @param catchingUp whether it is still catching up with the findings topics
	 * @return up only while it runs, has caught up and its threads do not keep failing
	 */
	static Status status(KafkaStreams.State state, boolean repeating, boolean catchingUp) {
		if (state == null) {
			return Status.OUT_OF_SERVICE;
		}
		if (repeating) {
			return Status.DOWN;
		}
		return switch (state) {
			case RUNNING -> catchingUp ? Status.OUT_OF_SERVICE : Status.UP;
			case CREATED, REBALANCING -> Status.OUT_OF_SERVICE;
			default -> Status.DOWN;
		};
	}

}
