package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health while stream threads fail and are replaced: a recovered failure is history, a
 * crash loop is DOWN until it stops.
 */
class StreamFailuresTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));

	private final StreamFailures failures = new StreamFailures(new Clock() {

		@Override
		public Instant instant() {
			return StreamFailuresTests.this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	});

	@Test
	void oneRecoveredFailureIsHistory() {
		this.failures.record(new IllegalStateException("broker out of reach"));

		assertThat(this.failures.isRepeating()).isFalse();
		assertThat(this.failures.count()).isEqualTo(1);
		assertThat(this.failures.lastError()).isEqualTo("java.lang.IllegalStateException: broker out of reach");
	}

	@Test
	void failuresThatKeepComingAreACrashLoopUntilTheyStop() {
		for (int i = 0; i < StreamFailures.REPEATED; i++) {
			this.failures.record(new IllegalStateException("registry out of reach"));
			this.now.set(this.now.get().plusSeconds(10));
		}
		assertThat(this.failures.isRepeating()).isTrue();

		this.now.set(this.now.get().plus(StreamFailures.RECENT));
		assertThat(this.failures.isRepeating()).isFalse();
		assertThat(this.failures.count()).isEqualTo(StreamFailures.REPEATED);
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowAreNoLoop() {
		for (int i = 0; i < 5; i++) {
			this.failures.record(new IllegalStateException("broker out of reach"));
			this.now.set(this.now.get().plusSeconds(40));
		}
		assertThat(this.failures.isRepeating()).isFalse();
	}

}
