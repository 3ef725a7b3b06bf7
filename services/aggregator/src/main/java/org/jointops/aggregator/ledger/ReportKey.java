package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serde;
import org.jointops.report.ReportRevision;

/**
 * A report, across states: report ids are chosen by agencies, so two states may use the
 * same one; with the state they are unique. Encoded {@code STATE/reportId} (the state is
 * three letters, so the first slash ends it).
 *
 * @param state ISO 3166-1 alpha-3 code of the reporting state
 * @param reportId the agency's report id
 */
public record ReportKey(String state, String reportId) {

	/** The serde of report keys in the repartition topic and the revisions store. */
	public static final Serde<ReportKey> SERDE = KeySerde.of(ReportKey::encoded, ReportKey::decode);

	private static final char SEPARATOR = '/';

	/**
	 * The key of a revision's report.
	 * @param revision a revision
	 * @return its report's key
	 */
	public static ReportKey of(ReportRevision revision) {
		return new ReportKey(revision.getState(), revision.getReportId());
	}

	/**
	 * The key as text.
	 * @return {@code STATE/reportId}
	 */
	public String encoded() {
		return this.state + SEPARATOR + this.reportId;
	}

	static ReportKey decode(String text) {
		int separator = text.indexOf(SEPARATOR);
		if (separator < 0) {
			throw new IllegalArgumentException("Not a report key: '" + text + "'");
		}
		return new ReportKey(text.substring(0, separator), text.substring(separator + 1));
	}

	@Override
	public String toString() {
		return encoded();
	}

}
