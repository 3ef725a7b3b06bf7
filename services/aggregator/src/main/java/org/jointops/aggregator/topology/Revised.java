package org.jointops.aggregator.topology;

import org.jointops.ledger.ReportChange;

/**
 * What latest-revision makes of a revision it acts on: a change of contribution, keyed by
 * operation, or the value of a dead letter, keyed by report id (a revision of another
 * agency than the report's owner). Lives only between two processors of one task; it
 * never crosses a topic.
 *
 * @param change the change, or null for a dead letter
 * @param deadLetter the revision in the findings topics' wire format, for a dead letter
 */
record Revised(ReportChange change, byte[] deadLetter) {

	static Revised change(ReportChange change) {
		return new Revised(change, null);
	}

	static Revised deadLetter(byte[] value) {
		return new Revised(null, value);
	}

	boolean isChange() {
		return this.change != null;
	}

}
