package org.jointops.producer.batch;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jointops.catalogue.Violation;
import org.jointops.producer.ingest.ReportRequest;

/**
 * One report of a batch as read, before it is checked: the request, or why it could not
 * be read.
 *
 * @param index position of the report in the batch, from 0
 * @param lines for CSV, the lines of the file its rows are on (the header is line 1);
 * empty for JSON
 * @param reportId its report id as far as it could be read, or null
 * @param revision its revision as far as it could be read, or null
 * @param request the report, or null if it could not be read
 * @param errors why it could not be read; empty if it was
 * @param locate turns a field of a report (e.g. {@code findings[1].quantity}) into where
 * the client wrote it (for CSV, {@code line 4: quantity})
 */
record BatchItem(int index, List<Integer> lines, String reportId, Integer revision, ReportRequest request,
		List<Violation> errors, UnaryOperator<String> locate) {

	static BatchItem read(int index, ReportRequest request) {
		return new BatchItem(index, List.of(), request.reportId(), request.revision(), request, List.of(),
				UnaryOperator.identity());
	}

	static BatchItem unreadable(int index, List<Violation> errors) {
		return new BatchItem(index, List.of(), null, null, null, errors, UnaryOperator.identity());
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
