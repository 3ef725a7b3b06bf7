package org.jointops.support.kafka;

import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Level;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jointops.testsupport.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a lasting failure is logged: once when it starts, at most once per interval while
 * it lasts, once when it ends.
 */
class FailureLogTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-05-04T10:00:00Z"));

	private final CapturedLogs logs = CapturedLogs.of(FailureLogTests.class);

	private final FailureLog failures = new FailureLog(LoggerFactory.getLogger(FailureLogTests.class),
			"Following findings.kaz", INTERVAL, this.clock);

	@AfterEach
	void closeLogs() {
		this.logs.close();
	}

	@Test
	void logsTheFirstFailureAtWarnAndTheRepeatsWithinTheIntervalNotAtAll() {
		for (int attempt = 0; attempt < 100; attempt++) {
			this.failures.failed(denied());
			this.clock.advance(Duration.ofMillis(500));
		}

		assertThat(this.logs.at(Level.WARN)).singleElement()
			.asString()
			.startsWith("Following findings.kaz failed")
			.contains("TopicAuthorizationException: Not authorized to access topics: [findings.kaz]");
		assertThat(this.failures.attempts()).isEqualTo(100);
	}

	@Test
	void logsALastingFailureAtMostOncePerIntervalWithItsCount() {
		// an attempt every 10 s for 3 min 5 s: 19 attempts
		for (int attempt = 0; attempt < 19; attempt++) {
			this.failures.failed(denied());
			this.clock.advance(Duration.ofSeconds(10));
		}

		assertThat(this.logs.at(Level.WARN)).hasSize(4)
			.satisfies((warnings) -> assertThat(warnings.get(1)).contains("still failing, 7 failed attempts in 60 s"))
			.satisfies((warnings) -> assertThat(warnings.get(2)).contains("13 failed attempts in 120 s"))
			.satisfies((warnings) -> assertThat(warnings.get(3)).contains("19 failed attempts in 180 s"));
	}

	@Test
	void logsTheEndOfAFailureOnceAtInfo() {
		this.failures.failed(denied());
		this.clock.advance(Duration.ofSeconds(30));
		this.failures.failed(denied());
		this.failures.succeeded();
		this.failures.succeeded();

		assertThat(this.logs.at(Level.INFO))
			.containsExactly("Following findings.kaz works again, after 2 failed attempts in 30 s");
		assertThat(this.failures.failing()).isFalse();
		assertThat(this.failures.attempts()).isZero();
	}

	@Test
	void logsNothingWhileNothingFails() {
		this.failures.succeeded();
		this.failures.succeeded();

		assertThat(this.logs.events()).isEmpty();
	}

	@Test
	void logsANewFailureAfterARecoveryAtWarnAgain() {
		this.failures.failed(denied());
		this.failures.succeeded();
		this.clock.advance(Duration.ofSeconds(1));
		this.failures.failed(denied());

		assertThat(this.logs.at(Level.WARN)).hasSize(2);
	}

	private static TopicAuthorizationException denied() {
		return new TopicAuthorizationException("Not authorized to access topics: [findings.kaz]");
	}

}
