package org.jointops.producer.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What this state's producers last recorded of a report, as kept on the owners topic: the
 * revision that withdrew it, the higher revision that brought it back, or the revision
 * that put it in the stage it stands in.
 *
 * @param state what the report became at that revision
 * @param revision the marked revision
 * @param at when that revision was accepted (its submission time)
 * @param slot the operation and stage the revision names; {@code null} in marks written
 * before slots were recorded
 */
public record ReportMark(State state, int revision, Instant at, Slot slot) {

	/**
	 * The mark of an accepted withdrawal.
	 * @param revision its revision
	 * @param at its submission time
	 * @param slot the operation and stage it names
	 * @return the mark
	 */
	static ReportMark withdrawn(int revision, Instant at, Slot slot) {
		return new ReportMark(State.WITHDRAWN, revision, at, slot);
	}

	/**
	 * The mark of a higher revision that brought a withdrawn report back.
	 * @param revision its revision
	 * @param at its submission time
	 * @param slot the operation and stage it names
	 * @return the mark
	 */
	static ReportMark back(int revision, Instant at, Slot slot) {
		return new ReportMark(State.BACK, revision, at, slot);
	}

	/**
	 * The mark of a revision that put the report in a stage: its first revision, or one
	 * that names another operation or stage than the report stood in.
	 * @param revision its revision
	 * @param at its submission time
	 * @param slot the operation and stage it names
	 * @return the mark
	 */
	static ReportMark stands(int revision, Instant at, Slot slot) {
		return new ReportMark(State.STANDS, revision, at, slot);
	}

	/**
	 * Whether the report stands withdrawn by this mark.
	 * @return whether the mark is of a withdrawal
	 */
	public boolean isWithdrawn() {
		return this.state == State.WITHDRAWN;
	}

	/**
	 * Where the report's figures stand by this mark.
	 * @return the operation and stage, or empty if the report is withdrawn or the mark is
	 * from before slots were recorded
	 */
	public Optional<Slot> standsIn() {
		return isWithdrawn() ? Optional.empty() : Optional.ofNullable(this.slot);
	}

	/**
	 * The mark as the value of its record.
	 * @return e.g. {@code STANDS 3 2026-12-02T10:15:27.311Z ILLEGAL-2017 1}
	 */
	String toValue() {
		String value = this.state + " " + this.revision + " " + this.at;
		return (this.slot != null) ? value + " " + this.slot.operation() + " " + this.slot.stage() : value;
	}

	/**
	 * A mark read from the value of its record; the values of earlier releases name no
	 * slot.
	 * @param value the value
	 * @return the mark, or empty if the value is not one
	 */
	static Optional<ReportMark> parse(String value) {
		String[] parts = value.split(" ");
		if (parts.length != 3 && parts.length != 5) {
			return Optional.empty();
		}
		try {
			Slot slot = (parts.length == 5) ? new Slot(parts[3], Integer.parseInt(parts[4])) : null;
			return Optional
				.of(new ReportMark(State.valueOf(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]), slot));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * An operation and one of its stages: where a revision puts a report's figures.
	 *
	 * @param operation the operation
	 * @param stage the stage
	 */
	public record Slot(String operation, int stage) {

	}

	/**
	 * What the report became at the marked revision.
	 */
	public enum State {

		/** Withdrawn: its figures left the totals. */
		WITHDRAWN,

		/** Brought back by a revision higher than its withdrawal. */
		BACK,

		/** Counted in the slot the revision names. */
		STANDS

	}

}
