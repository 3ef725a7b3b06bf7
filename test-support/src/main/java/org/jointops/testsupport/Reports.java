package org.jointops.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Quantities;

/**
 * Report revisions as Avro records, for tests that write straight to Kafka or drive a
 * topology.
 */
public final class Reports {

	/** The operation the fixtures report on. */
	public static final String ILLEGAL_2017 = "ILLEGAL-2017";

	/** When the fixtures' revisions were submitted, unless a test says otherwise. */
	public static final Instant SUBMITTED = Instant.parse("2017-06-03T08:00:00Z");

	private Reports() {
	}

	/**
	 * A first revision for stage 1 of ILLEGAL-2017 by the state's police, covering the
	 * whole stage, with no findings yet.
	 * @param state reporting state
	 * @param reportId report id
	 * @return a builder to adjust
	 */
	public static ReportRevision.Builder illegal2017(String state, String reportId) {
		return ReportRevision.newBuilder()
			.setReportId(reportId)
			.setRevision(1)
			.setState(state)
			.setAgency("INTERIOR")
			.setOperation(ILLEGAL_2017)
			.setStage(1)
			.setPeriodStart(LocalDate.parse("2017-05-22"))
			.setPeriodEnd(LocalDate.parse("2017-06-02"))
			.setFindings(List.of())
			.setWithdrawn(false)
			.setSubmittedAt(SUBMITTED);
	}

	/**
	 * The same as {@link #illegal2017(String, String)} for stage 2.
	 * @param state reporting state
	 * @param reportId report id
	 * @return a builder to adjust
	 */
	public static ReportRevision.Builder illegal2017Stage2(String state, String reportId) {
		return illegal2017(state, reportId).setStage(2)
			.setPeriodStart(LocalDate.parse("2017-09-25"))
			.setPeriodEnd(LocalDate.parse("2017-10-06"));
	}

	public static Finding count(String category, long quantity) {
		return finding(category, BigDecimal.valueOf(quantity), "COUNT", null);
	}

	public static Finding money(String category, String amount, String currency) {
		return finding(category, new BigDecimal(amount), "MONEY", currency);
	}

	public static Finding kilograms(String category, String quantity) {
		return finding(category, new BigDecimal(quantity), "KILOGRAM", null);
	}

	private static Finding finding(String category, BigDecimal quantity, String unit, String currency) {
		return Finding.newBuilder()
			.setCategory(category)
			.setQuantity(Quantities.onTheWire(quantity))
			.setUnit(unit)
			.setCurrency(currency)
			.build();
	}

}
