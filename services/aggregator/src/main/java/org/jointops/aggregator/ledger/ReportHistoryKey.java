package org.jointops.aggregator.ledger;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;

/**
 * The key of one change of a report in an operation in
 * {@value LedgerStores#REPORT_HISTORY}: encoded
 * {@code OPERATION/STATE/reportId/time/version}, so that a report's changes in an
 * operation are one prefix in time order.
 *
 * @param operation operation code
 * @param report the report
 * @param changedAt the change's time
 * @param version the version it produced
 */
public record ReportHistoryKey(String operation, ReportKey report, Instant changedAt, long version) {

	/** The serde of report history keys. */
	public static final Serde<ReportHistoryKey> SERDE = KeySerde.of(ReportHistoryKey::encoded,
			ReportHistoryKey::decode);

	String encoded() {
		return Keys.join(this.operation, this.report.state(), this.report.reportId(), this.changedAt,
				Keys.number(this.version));
	}

	static ReportHistoryKey decode(String text) {
		String[] parts = Keys.split(text, 5);
		return new ReportHistoryKey(parts[0], new ReportKey(parts[1], parts[2]), Keys.time(parts[3]),
				Long.parseLong(parts[4]));
	}

}
