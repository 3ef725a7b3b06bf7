package org.jointops.aggregator.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.errors.StreamsException;
import org.jointops.testsupport.SteppingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health while stream threads fail and are replaced: a recovered failure is history, a
 * crash loop is DOWN until it stops.
 */
class StreamFailuresTests {

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final StreamFailures failures = new StreamFailures(this.clock);

	@Test
	void oneRecoveredFailureIsHistory() {
		this.failures.record(new IllegalStateException("broker out of reach"));

		assertThat(this.failures.isRepeating()).isFalse();
		assertThat(this.failures.count()).isEqualTo(1);
		assertThat(this.failures.lastError()).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void theLastErrorNamesTheTypesOfTheFailureAndItsCausesOnly() {
		this.failures.record(new StreamsException("Exception caught in process",
				new IllegalStateException("broker out of reach", new IOException("reset"))));

		assertThat(this.failures.lastError())
			.isEqualTo("org.apache.kafka.streams.errors.StreamsException caused by java.lang.IllegalStateException "
					+ "caused by java.io.IOException");
	}

	@Test
	void failuresThatKeepComingAreACrashLoopUntilTheyStop() {
		for (int i = 0; i < StreamFailures.REPEATED; i++) {
			this.failures.record(new IllegalStateException("registry out of reach"));
			this.clock.advance(Duration.ofSeconds(10));
		}
		assertThat(this.failures.isRepeating()).isTrue();

		this.clock.advance(StreamFailures.RECENT);
		assertThat(this.failures.isRepeating()).isFalse();
		assertThat(this.failures.count()).isEqualTo(StreamFailures.REPEATED);
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowAreNoLoop() {
		for (int i = 0; i < 5; i++) {
			this.failures.record(new IllegalStateException("broker out of reach"));
			this.clock.advance(Duration.ofSeconds(40));
		}
		assertThat(this.failures.isRepeating()).isFalse();
	}

}
