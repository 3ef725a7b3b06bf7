package org.jointops.aggregator.query;

import java.util.Locale;

import org.jointops.aggregator.health.CatchUp;

/**
 * The totals cannot be read yet: the aggregator is catching up with the findings topics
 * (rebuilding its stores after an upgrade to a new state layout or a reset), and what its
 * stores hold is partial.
 */
public class CatchingUpException extends TotalsUnavailableException {

	private final CatchUp.Lag lag;

	CatchingUpException(CatchUp.Lag lag) {
		super(message(lag), null);
		this.lag = lag;
	}

	/**
	 * How far the aggregator is behind.
	 * @return the stage and records behind, both null before its first check
	 */
	public CatchUp.Lag lag() {
		return this.lag;
	}

	private static String message(CatchUp.Lag lag) {
		String progress = (lag.records() != null)
				? String.format(Locale.ROOT, ": %,d records behind in %s", lag.records(), lag.stage()) : "";
		return "The aggregator is catching up with the findings topics (after an upgrade or a reset it rebuilds "
				+ "its state from them)" + progress + "; the totals are answered once it has caught up";
	}

}
