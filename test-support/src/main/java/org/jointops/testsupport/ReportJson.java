package org.jointops.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A report as an agency posts it to its state's producer service, built field by field so
 * that tests can also break it on purpose.
 */
public final class ReportJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private final List<Map<String, Object>> findings = new ArrayList<>();

	private ReportJson() {
	}

	/**
	 * Revision 1 of a police report on stage 1 of ILLEGAL-2017, over the whole stage.
	 * @param reportId report id
	 * @return the report, without findings
	 */
	public static ReportJson illegal2017(String reportId) {
		return new ReportJson().with("reportId", reportId)
			.with("revision", 1)
			.with("agency", "INTERIOR")
			.with("operation", Reports.ILLEGAL_2017)
			.with("stage", 1)
			.with("periodStart", "2017-05-22")
			.with("periodEnd", "2017-06-02")
			.with("withdrawn", false)
			.with("findings", List.of());
	}

	public ReportJson with(String field, Object value) {
		this.fields.put(field, value);
		return this;
	}

	public ReportJson without(String field) {
		this.fields.remove(field);
		return this;
	}

	public ReportJson revision(int revision) {
		return with("revision", revision);
	}

	public ReportJson withdrawn() {
		return with("withdrawn", true);
	}

	public ReportJson count(String category, long quantity) {
		return finding(category, quantity, null);
	}

	public ReportJson money(String category, String amount, String currency) {
		return finding(category, new BigDecimal(amount), currency);
	}

	/**
	 * A finding line with any quantity (a number, or something that is not one).
	 * @param category category code
	 * @param quantity the quantity as it should appear in JSON
	 * @param currency currency, or null for none
	 * @return this report
	 */
	public ReportJson finding(String category, Object quantity, String currency) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("category", category);
		line.put("quantity", quantity);
		if (currency != null) {
			line.put("currency", currency);
		}
		this.findings.add(line);
		return this;
	}

	public String toJson() {
		Map<String, Object> body = new LinkedHashMap<>(this.fields);
		if (body.get("findings") instanceof List<?> list && list.isEmpty()) {
			body.put("findings", this.findings);
		}
		return JSON.writeValueAsString(body);
	}

	@Override
	public String toString() {
		return toJson();
	}

}
