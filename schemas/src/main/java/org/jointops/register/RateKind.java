package org.jointops.register;

/**
 * What kind of rate an exchange rate is.
 */
public enum RateKind {

	/** The average over the period the figures cover (the default, as the IMF asks). */
	PERIOD_AVERAGE,

	/** The rate on the last day of the period. */
	END_OF_PERIOD

}
