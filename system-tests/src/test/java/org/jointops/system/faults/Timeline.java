package org.jointops.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When each step of a fault run happened, from the run's start, for its report.
 */
final class Timeline {

	private final long start = System.nanoTime();

	private final List<String> marks = new ArrayList<>();

	/**
	 * Notes that a step is done now.
	 * @param step what was done
	 */
	synchronized void mark(String step) {
		this.marks.add(String.format(Locale.ROOT, "%.1f s %s", since().toMillis() / 1000.0, step));
	}

	/**
	 * Time since the run's start.
	 * @return elapsed time
	 */
	Duration since() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	@Override
	public synchronized String toString() {
		return String.join("; ", this.marks);
	}

}
