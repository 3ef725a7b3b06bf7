package org.jointops.aggregator.query;

import org.jointops.aggregator.topology.ReportKey;
import org.jointops.ledger.ReportChange;
import org.jointops.report.ReportRevision;

/**
 * One change applied to an operation's ledger, with the ledger version it produced.
 *
 * @param version the version of the ledger after the change
 * @param change the change
 */
public record VersionedChange(long version, ReportChange change) {

	/**
	 * The side of the change that names the report: the new revision, or the old one when
	 * the report stopped counting here.
	 * @return a revision, never null
	 */
	public ReportRevision subject() {
		return (this.change.getAfter() != null) ? this.change.getAfter() : this.change.getBefore();
	}

	/**
	 * The report the change is of.
	 * @return its key
	 */
	public ReportKey reportKey() {
		return ReportKey.of(subject());
	}

}
