package org.jointops.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jointops.bench.load.Latencies;

/**
 * Every row of a run, planned before it starts (so that a row whose step failed is still
 * there, marked), and the targets to check.
 */
public final class Results {

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<Target> targets = new ArrayList<>();

	/**
	 * Plans a row.
	 * @param id its identifier
	 * @param group its part of the benchmark
	 * @param measure what it measures
	 * @param unit its unit
	 * @param baselineId the row it is compared with, or null
	 */
	public synchronized void plan(String id, String group, String measure, String unit, String baselineId) {
		this.rows.put(id,
				new Row(id, group, measure, Double.NaN, unit, Latencies.NONE, baselineId, Status.NOT_RUN, ""));
	}

	/**
	 * Adds a target.
	 * @param target the target
	 */
	public synchronized void target(Target target) {
		this.targets.add(target);
	}

	/**
	 * Records a measurement.
	 * @param id the row
	 * @param value its figure
	 * @param latency its latencies, or {@link Latencies#NONE}
	 * @param notes notes
	 */
	public synchronized void measured(String id, double value, Latencies latency, String notes) {
		this.rows.put(id, required(id).measured(value, latency, notes));
	}

	/**
	 * Records a measurement that did not finish, or failed.
	 * @param id the row
	 * @param status its status
	 * @param value the figure reached, or NaN
	 * @param notes why
	 */
	public synchronized void mark(String id, Status status, double value, String notes) {
		this.rows.put(id, required(id).with(status, value, notes));
	}

	/**
	 * Marks every planned row of a step that has no figure yet as failed.
	 * @param reason why
	 * @param prefixes id prefixes of the step's rows, e.g. {@code catchup.}
	 */
	public synchronized void failUnmeasured(String reason, List<String> prefixes) {
		this.rows.values()
			.stream()
			.filter((row) -> row.status() == Status.NOT_RUN && prefixes.stream().anyMatch(row.id()::startsWith))
			.toList()
			.forEach((row) -> this.rows.put(row.id(), row.with(Status.FAILED, Double.NaN, reason)));
	}

	/**
	 * A row.
	 * @param id its identifier
	 * @return the row, or null if not planned
	 */
	public synchronized Row row(String id) {
		return this.rows.get(id);
	}

	/**
	 * A row's figure, if it has one.
	 * @param id its identifier
	 * @return the figure, or NaN
	 */
	public synchronized double value(String id) {
		Row row = this.rows.get(id);
		return (row != null && row.hasValue()) ? row.value() : Double.NaN;
	}

	/**
	 * Every row, in plan order.
	 * @return the rows
	 */
	public synchronized List<Row> rows() {
		return List.copyOf(this.rows.values());
	}

	/**
	 * Every target, checked.
	 * @return the verdicts
	 */
	public synchronized List<Target.Verdict> verdicts() {
		return this.targets.stream().map((target) -> target.check(this)).toList();
	}

	/**
	 * The ratio of a row to its baseline.
	 * @param row the row
	 * @return the ratio, or NaN if either has no figure
	 */
	public synchronized double ratio(Row row) {
		if (row.baselineId() == null || !row.hasValue()) {
			return Double.NaN;
		}
		return row.value() / value(row.baselineId());
	}

	private Row required(String id) {
		Row row = this.rows.get(id);
		if (row == null) {
			throw new IllegalArgumentException("No row " + id + " was planned");
		}
		return row;
	}

}
