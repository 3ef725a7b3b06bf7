package org.jointops.register;

/**
 * Whether figures are final: those of a state and stage once accepted; those of an
 * operation once every member state's figures for every stage are.
 */
public enum FigureStatus {

	/** Not (yet) accepted by the secretariat: may still change. */
	PRELIMINARY,

	/** Accepted by the secretariat. */
	FINAL;

	/**
	 * The figure status of a submission status.
	 * @param status a submission status
	 * @return {@code FINAL} for {@code ACCEPTED}, else {@code PRELIMINARY}
	 */
	public static FigureStatus of(SubmissionStatus status) {
		return status.isFinal() ? FINAL : PRELIMINARY;
	}

}
