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
 * it runs and has caught up, and during a later rebalance (every instance rebalances at
 * once, and each still answers: forwarded, from a standby replica, or 503 for the
 * moment); OUT_OF_SERVICE while it starts and restores state before it has first served,
 * and while it catches up with the findings topics ({@link CatchUp}: running, but its
 * stores still partial); DOWN once it has stopped or failed, and while its threads keep
 * failing ({@link StreamFailures#REPEATED} times within {@link StreamFailures#RECENT}).
 */
@Component("streamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final StreamFailures failures;

	private final CatchUp catchUp;

	/** Whether this instance has been seen running and caught up since it started. */
	private volatile boolean served;

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
		Status status = status(state, this.failures.isRepeating(), lag.isPresent(), this.served);
		this.served |= Status.UP.equals(status);
		builder.status(status);
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
	 * @param served whether it has been up since it started
	 * @return up while it runs (or rebalances after it first served), has caught up and
	 * its threads do not keep failing
	 */
	static Status status(KafkaStreams.State state, boolean repeating, boolean catchingUp, boolean served) {
		if (state == null) {
			return Status.OUT_OF_SERVICE;
		}
		if (repeating) {
			return Status.DOWN;
		}
		return switch (state) {
			case RUNNING -> catchingUp ? Status.OUT_OF_SERVICE : Status.UP;
			case REBALANCING -> (served && !catchingUp) ? Status.UP : Status.OUT_OF_SERVICE;
			case CREATED -> Status.OUT_OF_SERVICE;
			default -> Status.DOWN;
		};
	}

}
