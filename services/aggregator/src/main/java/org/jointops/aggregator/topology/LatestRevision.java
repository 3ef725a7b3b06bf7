package org.jointops.aggregator.topology;

import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.ledger.ReportKey;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.StandingReport;
import org.jointops.report.ReportRevision;

/**
 * Keeps the standing revision of every report (store {@value LedgerStores#REVISIONS}) and
 * emits a change of contribution, keyed by operation, when a higher revision replaces it.
 * The same revision again and any lower revision change nothing: the first of equal
 * revisions stands. A withdrawn revision contributes nothing.
 * <p>
 * Its input is keyed by {@link ReportKey}, so every revision of a report reaches the same
 * task, in the order of its findings partition.
 */
class LatestRevision implements Processor<ReportKey, ReportRevision, String, ReportChange> {

	private KeyValueStore<ReportKey, StandingReport> store;

	private ProcessorContext<String, ReportChange> context;

	@Override
	public void init(ProcessorContext<String, ReportChange> context) {
		this.context = context;
		this.store = context.getStateStore(LedgerStores.REVISIONS);
	}

	@Override
	public void process(Record<ReportKey, ReportRevision> record) {
		ReportRevision incoming = record.value();
		ReportKey key = record.key();
		StandingReport standing = this.store.get(key);
		if (standing != null && incoming.getRevision() <= standing.getCurrent().getRevision()) {
			return;
		}
		int accepted = (standing != null) ? standing.getRevisionsAccepted() + 1 : 1;
		Instant at = changedAt(incoming, standing);
		this.store.put(key, new StandingReport(incoming, accepted, at));
		ReportRevision before = (standing != null) ? counting(standing.getCurrent()) : null;
		ReportRevision after = counting(incoming);
		if (before != null && after != null && !before.getOperation().equals(after.getOperation())) {
			forward(record, before.getOperation(), new ReportChange(before, null, at, accepted));
			forward(record, after.getOperation(), new ReportChange(null, after, at, accepted));
		}
		else if (before != null || after != null) {
			String operation = ((after != null) ? after : before).getOperation();
			forward(record, operation, new ReportChange(before, after, at, accepted));
		}
	}

	private void forward(Record<ReportKey, ReportRevision> record, String operation, ReportChange change) {
		this.context.forward(record.withKey(operation).withValue(change).withHeaders(new RecordHeaders()));
	}

	/*
	 * The time of a report's change: its new revision's submission time, unless the
	 * report's previous change was later (a revision stamped by a clock behind), so that
	 * a report's changes are in time order.
	 */
	private static Instant changedAt(ReportRevision incoming, StandingReport standing) {
		Instant submitted = incoming.getSubmittedAt();
		if (standing == null) {
			return submitted;
		}
		Instant previous = (standing.getChangedAt() != null) ? standing.getChangedAt()
				: standing.getCurrent().getSubmittedAt();
		return previous.isAfter(submitted) ? previous : submitted;
	}

	private static ReportRevision counting(ReportRevision revision) {
		return revision.getWithdrawn() ? null : revision;
	}

}
