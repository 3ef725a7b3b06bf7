package org.jointops.support.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;

/**
 * The log of a failure that may last, e.g. a missing ACL retried with a back-off: WARN
 * when it starts, then at most one WARN per interval while it lasts (with the number of
 * failed attempts), and INFO when it is over. Used by one thread.
 */
final class FailureLog {

	private final Logger logger;

	private final String what;

	private final Duration interval;

	private final Clock clock;

	private volatile Instant started;

	private Instant lastLogged;

	private volatile long attempts;

	/**
	 * Creates the log of one activity's failures.
	 * @param logger where to log
	 * @param what the activity, e.g. {@code Following council.totals}
	 * @param interval the least time between two WARNs of one lasting failure
	 * @param clock the clock
	 */
	FailureLog(Logger logger, String what, Duration interval, Clock clock) {
		this.logger = logger;
		this.what = what;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Notes a failed attempt.
	 * @param failure what went wrong
	 */
	void failed(Exception failure) {
		Instant now = this.clock.instant();
		this.attempts++;
		if (this.started == null) {
			this.started = now;
			this.lastLogged = now;
			this.logger.warn("{} failed, retrying with a back-off (logged again at most every {} s while it lasts): {}",
					this.what, this.interval.toSeconds(), describe(failure));
			this.logger.debug("{} failed", this.what, failure);
		}
		else if (!now.isBefore(this.lastLogged.plus(this.interval))) {
			this.lastLogged = now;
			this.logger.warn("{} still failing, {} failed attempts in {} s: {}", this.what, this.attempts,
					Duration.between(this.started, now).toSeconds(), describe(failure));
		}
		else {
			this.logger.debug("{} failed again ({} failed attempts): {}", this.what, this.attempts, describe(failure));
		}
	}

	/** Notes a successful attempt: ends a failure if one lasted. */
	void succeeded() {
		if (this.started != null) {
			this.logger.info("{} works again, after {} failed attempts in {} s", this.what, this.attempts,
					Duration.between(this.started, this.clock.instant()).toSeconds());
			this.started = null;
			this.lastLogged = null;
			this.attempts = 0;
		}
	}

	/**
	 * Whether a failure lasts.
	 * @return true from a failed attempt to the next successful one
	 */
	boolean failing() {
		return this.started != null;
	}

	/**
	 * The failed attempts of the failure that lasts.
	 * @return their number, 0 when none lasts
	 */
	long attempts() {
		return this.attempts;
	}

	private static String describe(Exception failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
