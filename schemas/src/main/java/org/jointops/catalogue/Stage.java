package org.jointops.catalogue;

import java.time.LocalDate;

/**
 * One stage of an operation and its date window, both ends inclusive.
 *
 * @param stage number from 1
 * @param start first day
 * @param end last day
 */
public record Stage(int stage, LocalDate start, LocalDate end) {

	/**
	 * Whether a day falls inside the window.
	 * @param day a day
	 * @return true if {@code start <= day <= end}
	 */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.start) && !day.isAfter(this.end);
	}

}
