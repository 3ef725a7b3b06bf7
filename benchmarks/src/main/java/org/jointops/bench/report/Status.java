package org.jointops.bench.report;

/**
 * What became of a planned measurement.
 */
public enum Status {

	/** Measured. */
	MEASURED,

	/**
	 * Ran out of time before it was done (e.g. totals not exact within the catch-up
	 * timeout); the figure is what was reached.
	 */
	DID_NOT_FINISH,

	/** The measurement failed; the notes say why. */
	FAILED,

	/** Not run (its phase was not chosen, or an earlier step failed). */
	NOT_RUN

}
