package org.jointops.bench.report;

/**
 * A target of issue 11 §6, checked against the figures of the same run.
 *
 * @param description the target, as the issue words it
 * @param figureId the row measured
 * @param baselineId the row it is divided by, or null for a figure checked alone
 * @param kind how the threshold applies
 * @param threshold the threshold (a ratio, or a value in the figure's unit)
 */
public record Target(String description, String figureId, String baselineId, Kind kind, double threshold) {

	/**
	 * Checks the target.
	 * @param results the run's figures
	 * @return the verdict
	 */
	public Verdict check(Results results) {
		Row figure = results.row(this.figureId);
		Row baseline = (this.baselineId != null) ? results.row(this.baselineId) : null;
		if (figure == null || !figure.hasValue()
				|| (this.baselineId != null && (baseline == null || !baseline.hasValue()))) {
			return new Verdict(this, Double.NaN, Outcome.NOT_MEASURED);
		}
		double measured = (baseline != null) ? figure.value() / baseline.value() : figure.value();
		boolean finished = figure.status() == Status.MEASURED
				&& (baseline == null || baseline.status() == Status.MEASURED);
		boolean met = switch (this.kind) {
			case AT_LEAST -> measured >= this.threshold;
			case AT_MOST -> measured <= this.threshold;
			case WITHIN -> Math.abs(measured - 1) <= this.threshold;
			case REPORTED -> true;
		};
		Outcome outcome = (this.kind == Kind.REPORTED) ? Outcome.REPORTED
				: (met && finished) ? Outcome.MET : Outcome.MISSED;
		return new Verdict(this, measured, outcome);
	}

	/**
	 * The requirement, for people.
	 * @return e.g. {@code ≥ 0.40}
	 */
	public String requirement() {
		return switch (this.kind) {
			case AT_LEAST -> "≥ " + Formats.number(this.threshold);
			case AT_MOST -> "≤ " + Formats.number(this.threshold);
			case WITHIN -> "1 ± " + Formats.number(this.threshold);
			case REPORTED -> "(reported)";
		};
	}

	/**
	 * How a threshold applies to the ratio (or, without a baseline, to the figure).
	 */
	public enum Kind {

		/** At least the threshold. */
		AT_LEAST,

		/** At most the threshold. */
		AT_MOST,

		/** A ratio within the threshold of 1. */
		WITHIN,

		/** No threshold: the ratio is reported. */
		REPORTED

	}

	/**
	 * Whether a target was met.
	 */
	public enum Outcome {

		/** Met. */
		MET,

		/** Missed (or its figure did not finish). */
		MISSED,

		/** Its figure or baseline was not measured. */
		NOT_MEASURED,

		/** A figure without a threshold. */
		REPORTED

	}

	/**
	 * A checked target.
	 *
	 * @param target the target
	 * @param measured the ratio (or the figure, without a baseline)
	 * @param outcome met, missed, not measured or reported
	 */
	public record Verdict(Target target, double measured, Outcome outcome) {

	}

}
