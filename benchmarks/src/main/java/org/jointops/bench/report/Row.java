package org.jointops.bench.report;

import org.jointops.bench.load.Latencies;

/**
 * One measurement of the benchmark.
 *
 * @param id stable identifier, e.g. {@code ingest.single.c64}
 * @param group the part of the benchmark, e.g. {@code Single-report ingest}
 * @param measure what is measured, for people
 * @param value the figure (NaN until measured)
 * @param unit its unit, e.g. {@code requests/s}
 * @param latency latency percentiles, or {@link Latencies#NONE}
 * @param baselineId the row it is compared with, or null
 * @param status what became of it
 * @param notes how it was measured, what bounds it
 */
public record Row(String id, String group, String measure, double value, String unit, Latencies latency,
		String baselineId, Status status, String notes) {

	/**
	 * The same row, measured.
	 * @param value the figure
	 * @param latency its latencies, or {@link Latencies#NONE}
	 * @param notes notes
	 * @return the row
	 */
	public Row measured(double value, Latencies latency, String notes) {
		return new Row(this.id, this.group, this.measure, value, this.unit, latency, this.baselineId, Status.MEASURED,
				notes);
	}

	/**
	 * The same row with another status.
	 * @param status the status
	 * @param value the figure reached, or NaN
	 * @param notes why
	 * @return the row
	 */
	public Row with(Status status, double value, String notes) {
		return new Row(this.id, this.group, this.measure, value, this.unit, this.latency, this.baselineId, status,
				notes);
	}

	/**
	 * Whether it has a figure to show.
	 * @return true if measured, or reached before running out of time
	 */
	public boolean hasValue() {
		return (this.status == Status.MEASURED || this.status == Status.DID_NOT_FINISH) && !Double.isNaN(this.value);
	}

}
