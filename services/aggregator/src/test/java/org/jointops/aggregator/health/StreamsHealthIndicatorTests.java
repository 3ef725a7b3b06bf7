package org.jointops.aggregator.health;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsException;
import org.jointops.testsupport.SteppingClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

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

	@Test
	void showsAThreadFailureWithoutTheReportDataItsMessagesCarry() {
		SteppingClock clock = new SteppingClock(Instant.parse("2026-11-22T10:00:00Z"));
		StreamFailures failures = new StreamFailures(clock);
		// as Kafka Streams wraps what the topology throws when a record breaks the rules
		// and the catalogue cannot be caught up with: the report's state, id and
		// violations in both messages
		String reason = "Catalogue not caught up within PT10S for report KAZ/KAZ-SECRET-7 "
				+ "([findings[0].category: unknown category 'FORGED_PASSPORTS']); the record is read again";
		failures.record(new StreamsException(
				"Exception caught in process. taskId=0_1, processor=decode-and-check, "
						+ "topic=findings.kaz, partition=1, offset=7, stacktrace=java.lang.RuntimeException: " + reason,
				new RuntimeException(reason)));
		StreamsHealthIndicator indicator = new StreamsHealthIndicator(new StreamsBuilderFactoryBean(), failures,
				new CatchUp(null, List.of(), clock));

		Health health = indicator.health();

		assertThat(health.getDetails()).containsEntry("threadFailures", 1L)
			.containsEntry("lastThreadError",
					"org.apache.kafka.streams.errors.StreamsException caused by java.lang.RuntimeException");
		assertThat(health.getDetails().toString()).doesNotContain("KAZ-SECRET-7")
			.doesNotContain("FORGED_PASSPORTS")
			.doesNotContain("findings.kaz");
	}

}
