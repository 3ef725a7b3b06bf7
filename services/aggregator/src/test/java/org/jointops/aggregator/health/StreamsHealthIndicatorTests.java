package org.jointops.aggregator.health;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the totals can be served: Kafka Streams running (or rebalancing, once it has
 * served), caught up with the findings topics, and its threads not failing over and over.
 */
class StreamsHealthIndicatorTests {

	@Test
	void isUpOnlyWhileRunningAndCaughtUp() {
		assertThat(StreamsHealthIndicator.status(State.RUNNING, false, false, false)).isEqualTo(Status.UP);
	}

	@Test
	void isOutOfServiceWhileRunningButCatchingUpWithTheFindingsTopics() {
		assertThat(StreamsHealthIndicator.status(State.RUNNING, false, true, false)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void staysUpThroughARebalanceAfterItHasServed() {
		assertThat(StreamsHealthIndicator.status(State.REBALANCING, false, false, true)).isEqualTo(Status.UP);
		assertThat(StreamsHealthIndicator.status(State.REBALANCING, false, true, true))
			.isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isOutOfServiceWhileStartingOrRebalancingBeforeItHasServed() {
		assertThat(StreamsHealthIndicator.status(null, false, true, false)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(StreamsHealthIndicator.status(State.CREATED, false, true, false)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(StreamsHealthIndicator.status(State.REBALANCING, false, false, false))
			.isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isDownWhenStoppedFailedOrInACrashLoop() {
		assertThat(StreamsHealthIndicator.status(State.ERROR, false, false, false)).isEqualTo(Status.DOWN);
		assertThat(StreamsHealthIndicator.status(State.NOT_RUNNING, false, true, false)).isEqualTo(Status.DOWN);
		assertThat(StreamsHealthIndicator.status(State.RUNNING, true, false, false)).isEqualTo(Status.DOWN);
	}

}
