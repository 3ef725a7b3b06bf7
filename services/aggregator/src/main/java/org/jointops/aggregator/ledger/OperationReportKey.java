package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of a report of an operation in {@value LedgerStores#REPORTS}: encoded
 * {@code OPERATION/STATE/reportId}, so that an operation's reports are one prefix, by
 * state.
 *
 * @param operation operation code
 * @param report the report
 */
public record OperationReportKey(String operation, ReportKey report) {

	/** The serde of operation report keys. */
	public static final Serde<OperationReportKey> SERDE = KeySerde.of(OperationReportKey::encoded,
			OperationReportKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.report.state(), this.report.reportId());
	}

	static OperationReportKey decode(String text) {
		String[] parts = Keys.split(text, 3);
		return new OperationReportKey(parts[0], new ReportKey(parts[1], parts[2]));
	}

}
