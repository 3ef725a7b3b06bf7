package org.jointops.producer.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The last withdrawal of a report this state's producers accepted, or the higher revision
 * that brought the report back after it, as recorded on the owners topic.
 *
 * @param state whether the report was withdrawn or brought back at that revision
 * @param revision the revision of the withdrawal, or of the revision that brought it back
 * @param at when that revision was accepted (its submission time)
 */
public record WithdrawalMark(State state, int revision, Instant at) {

	/**
	 * The mark of an accepted withdrawal.
	 * @param revision its revision
	 * @param at its submission time
	 * @return the mark
	 */
	static WithdrawalMark withdrawn(int revision, Instant at) {
		return new WithdrawalMark(State.WITHDRAWN, revision, at);
	}

	/**
	 * The mark of a higher revision that brought a withdrawn report back.
	 * @param revision its revision
	 * @param at its submission time
	 * @return the mark
	 */
	static WithdrawalMark back(int revision, Instant at) {
		return new WithdrawalMark(State.BACK, revision, at);
	}

	/**
	 * Whether the report stands withdrawn by this mark.
	 * @return whether the mark is of a withdrawal
	 */
	public boolean isWithdrawn() {
		return this.state == State.WITHDRAWN;
	}

	/**
	 * The mark as the value of its record.
	 * @return e.g. {@code WITHDRAWN 3 2026-12-02T10:15:27.311Z}
	 */
	String toValue() {
		return this.state + " " + this.revision + " " + this.at;
	}

	/**
	 * A mark read from the value of its record.
	 * @param value the value
	 * @return the mark, or empty if the value is not one
	 */
	static Optional<WithdrawalMark> parse(String value) {
		String[] parts = value.split(" ");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new WithdrawalMark(State.valueOf(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2])));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What the report became at the marked revision.
	 */
	public enum State {

		/** Withdrawn: its figures left the totals. */
		WITHDRAWN,

		/** Brought back by a revision higher than its withdrawal. */
		BACK

	}

}
