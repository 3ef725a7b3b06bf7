package org.jointops.producer.batch;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jointops.catalogue.Violation;
import org.jointops.producer.ingest.ReportRequest;

/**
 * One report of a batch as read, before it is checked: the request, or why it could not
 * be read. Built by one factory for each way a report arrives.
 */
final class BatchItem {

	private final int index;

	private final List<Integer> lines;

	private final String reportId;

	private final Integer revision;

	private final ReportRequest request;

	private final List<Violation> errors;

	private final UnaryOperator<String> locate;

	private BatchItem(int index, List<Integer> lines, String reportId, Integer revision, ReportRequest request,
			List<Violation> errors, UnaryOperator<String> locate) {
		this.index = index;
		this.lines = List.copyOf(lines);
		this.reportId = reportId;
		this.revision = revision;
		this.request = request;
		this.errors = List.copyOf(errors);
		this.locate = locate;
	}

	/**
	 * An element of a JSON batch, read.
	 * @param index its position in the batch, from 0
	 * @param request the report
	 * @return the item; its fields are named as JSON names them
	 */
	static BatchItem read(int index, ReportRequest request) {
		return new BatchItem(index, List.of(), request.reportId(), request.revision(), request, List.of(),
				UnaryOperator.identity());
	}

	/**
	 * An element of a JSON batch that could not be read.
	 * @param index its position in the batch, from 0
	 * @param errors why
	 * @return the item
	 */
	static BatchItem unreadable(int index, List<Violation> errors) {
		return new BatchItem(index, List.of(), null, null, null, errors, UnaryOperator.identity());
	}

	/**
	 * A report of a CSV batch, read from its rows.
	 * @param index its position in the batch, from 0
	 * @param lines the lines of the file its rows are on (the header is line 1)
	 * @param request the report
	 * @param locate turns a field of the report (e.g. {@code findings[1].quantity}) into
	 * where the client wrote it (e.g. {@code line 4: quantity})
	 * @return the item
	 */
	static BatchItem readRows(int index, List<Integer> lines, ReportRequest request, UnaryOperator<String> locate) {
		return new BatchItem(index, lines, request.reportId(), request.revision(), request, List.of(), locate);
	}

	/**
	 * A report of a CSV batch whose rows could not be read.
	 * @param index its position in the batch, from 0
	 * @param lines the lines of the file its rows are on (the header is line 1)
	 * @param reportId its report id as far as it could be read, or null
	 * @param revision its revision as far as it could be read, or null
	 * @param errors why, each named by its line (and column)
	 * @return the item
	 */
	static BatchItem unreadableRows(int index, List<Integer> lines, String reportId, Integer revision,
			List<Violation> errors) {
		return new BatchItem(index, lines, reportId, revision, null, errors, UnaryOperator.identity());
	}

	/**
	 * Its position in the batch.
	 * @return the position, from 0
	 */
	int index() {
		return this.index;
	}

	/**
	 * For CSV, the lines of the file its rows are on.
	 * @return the lines (the header is line 1); empty for JSON
	 */
	List<Integer> lines() {
		return this.lines;
	}

	/**
	 * Its report id as far as it could be read.
	 * @return the report id, or null
	 */
	String reportId() {
		return this.reportId;
	}

	/**
	 * Its revision as far as it could be read.
	 * @return the revision, or null
	 */
	Integer revision() {
		return this.revision;
	}

	/**
	 * The report.
	 * @return the report, or null if it could not be read
	 */
	ReportRequest request() {
		return this.request;
	}

	/**
	 * Why it could not be read.
	 * @return the errors; empty if it was read
	 */
	List<Violation> errors() {
		return this.errors;
	}

	/**
	 * Names each violation's field where the client wrote it.
	 * @param violations violations of the report's fields
	 * @return the same, each field named where the client wrote it
	 */
	List<Violation> located(List<Violation> violations) {
		return violations.stream()
			.map((violation) -> new Violation(this.locate.apply(violation.field()), violation.reason()))
			.toList();
	}

}
