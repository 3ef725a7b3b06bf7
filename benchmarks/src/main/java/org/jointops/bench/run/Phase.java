package org.jointops.bench.run;

import java.util.Locale;

/**
 * The parts of a run, in the order they run; {@code --phases} chooses some.
 */
public enum Phase {

	/** Kafka's ProducerPerformance. */
	KAFKA,

	/** The no-op endpoint, single-report and batch ingest, one producer's footprint. */
	INGEST,

	/**
	 * Aggregator catch-up per shape, with ConsumerPerformance and the Kafka Streams
	 * baseline over the same records.
	 */
	CATCH_UP,

	/** {@code kill -9} and restore, on the reference shape's exactly-once aggregator. */
	RECOVERY,

	/** 202 to the live feed under half the measured single-report ingest rate. */
	FRESHNESS,

	/**
	 * As-of totals, traceability and completeness of one operation, at each of its
	 * history's sizes, next to its totals now.
	 */
	QUERIES,

	/** The local stack's start-up time and resident memory. */
	FOOTPRINT;

	/**
	 * The name on the command line.
	 * @return e.g. {@code catch-up}
	 */
	public String option() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Reads a phase from the command line.
	 * @param option e.g. {@code catch-up}
	 * @return the phase
	 */
	public static Phase of(String option) {
		for (Phase phase : values()) {
			if (phase.option().equals(option.trim())) {
				return phase;
			}
		}
		throw new IllegalArgumentException("Unknown phase '" + option + "'; the phases are kafka, ingest, catch-up, "
				+ "recovery, freshness, queries, footprint");
	}

}
