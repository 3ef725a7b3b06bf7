package org.jointops.system.traffic;

import java.math.BigDecimal;
import java.util.List;

import org.jointops.testsupport.ReportJson;

/**
 * One revision of one report, as a ministry's system posts it.
 *
 * @param state the member state, whose producer service receives it
 * @param reportId the agency's report id
 * @param revision the revision number
 * @param stage stage of ILLEGAL-2017
 * @param withdrawn whether this revision withdraws the report
 * @param lines its finding lines
 */
public record Submission(String state, String reportId, int revision, int stage, boolean withdrawn, List<Line> lines) {

	public static final String OPERATION = "ILLEGAL-2017";

	/** The report's identity across revisions: a report id is unique within its state. */
	public String reportKey() {
		return this.state + "/" + this.reportId;
	}

	/**
	 * The body of the POST.
	 * @return JSON
	 */
	public String toJson() {
		ReportJson json = ReportJson.illegal2017(this.reportId).revision(this.revision).with("stage", this.stage);
		if (this.stage == 2) {
			json.with("periodStart", "2017-09-25").with("periodEnd", "2017-10-06");
		}
		if (this.withdrawn) {
			json.withdrawn();
		}
		this.lines.forEach((line) -> json.finding(line.category(), line.quantity(), line.currency()));
		return json.toJson();
	}

	@Override
	public String toString() {
		return reportKey() + "@" + this.revision + (this.withdrawn ? " (withdrawn)" : "");
	}

	/**
	 * A finding line.
	 *
	 * @param category category code
	 * @param quantity exact quantity
	 * @param currency currency for money, otherwise null
	 */
	public record Line(String category, BigDecimal quantity, String currency) {

	}

}
