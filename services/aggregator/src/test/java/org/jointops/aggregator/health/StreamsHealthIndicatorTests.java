package org.jointops.aggregator.health;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the totals can be served: Kafka Streams running, caught up with the findings
 * topics, and its threads not failing over and over.
 */
class StreamsHealthIndicatorTests {

	@Test
	void isUpOnlyWhileRunningAndCaughtUp() {
		assertThat(StreamsHealthIndicator.status(State.RUNNING, false, false)).isEqualTo(Status.UP);
	}

	@Test
	void isOutOfServiceWhileRunningButCatchingUpWithTheFindingsTopics() {
		assertThat(StreamsHealthIndicator.status(State.RUNNING, false, true)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isOutOfServiceWhileStartingOrRebalancing() {
		assertThat(StreamsHealthIndicator.status(null, false, true)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(StreamsHealthIndicator.status(State.CREATED, false, true)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(StreamsHealthIndicator.status(State.REBALANCING, false, false)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void isDownWhenStoppedFailedOrInACrashLoop() {
		assertThat(StreamsHealthIndicator.status(State.ERROR, false, false)).isEqualTo(Status.DOWN);
		assertThat(StreamsHealthIndicator.status(State.NOT_RUNNING, false, true)).isEqualTo(Status.DOWN);
		assertThat(StreamsHealthIndicator.status(State.RUNNING, true, false)).isEqualTo(Status.DOWN);
	}

}
