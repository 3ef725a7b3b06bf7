package org.jointops.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency distribution, in milliseconds.
 *
 * @param count samples
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max largest sample
 */
public record Latencies(long count, double p50, double p99, double p999, double max) {

	/** No samples. */
	public static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	/**
	 * Reads the percentiles of a histogram of microseconds.
	 * @param micros the histogram
	 * @return the percentiles in milliseconds
	 */
	public static Latencies ofMicros(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Latencies(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
				micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
				micros.getMaxValue() / 1000.0);
	}

	/**
	 * A histogram for microseconds from 1 µs to 10 minutes, three significant digits.
	 * @return an empty histogram
	 */
	public static Histogram microsHistogram() {
		return new Histogram(1, 600_000_000L, 3);
	}

}
