package org.jointops.aggregator.ledger;

import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;

/**
 * One slot of an operation's ledger: a cell (the sum of one category, in one currency, of
 * one state, stage and agency) or the count of reports of one state, stage and agency.
 * Encoded {@code L/category/currency/state/stage/agency} or {@code R/state/stage/agency}.
 *
 * @param kind cell or count of reports
 * @param category the category of a cell, null for a count of reports
 * @param currency the currency of a money cell, else null
 * @param state ISO 3166-1 alpha-3 code of the reporting state
 * @param stage the stage reported on
 * @param agency the reporting agency
 */
public record Slot(Kind kind, String category, String currency, String state, int stage, String agency) {

	/**
	 * The cell a finding of a report adds to.
	 * @param finding the finding
	 * @param report the report it is a line of
	 * @return its cell
	 */
	public static Slot cell(Finding finding, ReportRevision report) {
		return new Slot(Kind.LINE, finding.getCategory(), finding.getCurrency(), report.getState(), report.getStage(),
				report.getAgency());
	}

	/**
	 * The count of reports a report adds to.
	 * @param report the report
	 * @return its count slot
	 */
	public static Slot reports(ReportRevision report) {
		return new Slot(Kind.REPORTS, null, null, report.getState(), report.getStage(), report.getAgency());
	}

	String encoded() {
		String stageText = Keys.number(this.stage);
		return (this.kind == Kind.LINE)
				? Keys.join("L", this.category, Keys.orEmpty(this.currency), this.state, stageText, this.agency)
				: Keys.join("R", this.state, stageText, this.agency);
	}

	static Slot decode(String text) {
		if (text.startsWith("L" + Keys.SEPARATOR)) {
			String[] parts = Keys.split(text, 6);
			return new Slot(Kind.LINE, parts[1], Keys.orNull(parts[2]), parts[3], Integer.parseInt(parts[4]), parts[5]);
		}
		String[] parts = Keys.split(text, 4);
		return new Slot(Kind.REPORTS, null, null, parts[1], Integer.parseInt(parts[2]), parts[3]);
	}

	/** What a slot sums. */
	public enum Kind {

		/** The lines of one category (and currency). */
		LINE,

		/** Reports. */
		REPORTS

	}

}
