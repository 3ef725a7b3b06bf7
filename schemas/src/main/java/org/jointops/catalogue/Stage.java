package org.jointops.catalogue;

import java.time.LocalDate;

/**
 * One stage of an operation and its date window, both ends inclusive.
 *
 * @param stage number from 1
 * @param start first day
 * @param end last day
 * @param reportBy last day on which every member state is due to have reported on this
 * stage, or {@code null} to follow the operation's {@code reportingDays}
 */
public record Stage(int stage, LocalDate start, LocalDate end, LocalDate reportBy) {

	/**
	 * A stage without a deadline of its own.
	 * @param stage number from 1
	 * @param start first day
	 * @param end last day
	 */
	public Stage(int stage, LocalDate start, LocalDate end) {
		this(stage, start, end, null);
	}

	/**
	 * Whether a day falls inside the window.
	 * @param day a day
	 * @return true if {@code start <= day <= end}
	 */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.start) && !day.isAfter(this.end);
	}

}
