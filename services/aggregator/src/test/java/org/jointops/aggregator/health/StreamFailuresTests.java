package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health while stream threads fail and are replaced: DOWN while failures are recent, and
 * back on its own when they stop.
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
	void failuresAreRecentForAMinute() {
		assertThat(this.failures.isRecent()).isFalse();

		this.failures.record(new IllegalStateException("registry out of reach"));
		assertThat(this.failures.isRecent()).isTrue();
		assertThat(this.failures.lastError()).isEqualTo("java.lang.IllegalStateException: registry out of reach");

		this.now.set(this.now.get().plus(StreamFailures.RECENT).plus(Duration.ofSeconds(1)));
		assertThat(this.failures.isRecent()).isFalse();
		assertThat(this.failures.count()).isEqualTo(1);
	}

}
