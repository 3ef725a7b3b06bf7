package org.jointops.aggregator.topology;

import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.StandingReport;
import org.jointops.report.ReportRevision;

/**
 * Keeps the standing revision of every report (store
 * {@value CouncilTotalsTopology#REVISIONS_STORE}) and emits a change of contribution,
 * keyed by operation, when a higher revision replaces it. The same revision again and any
 * lower revision change nothing: the first of equal revisions stands. A withdrawn
 * revision contributes nothing.
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
		this.store = context.getStateStore(CouncilTotalsTopology.REVISIONS_STORE);
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
		this.store.put(key, new StandingReport(incoming, accepted));
		ReportRevision before = (standing != null) ? counting(standing.getCurrent()) : null;
		ReportRevision after = counting(incoming);
		Instant at = incoming.getSubmittedAt();
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

	private static ReportRevision counting(ReportRevision revision) {
		return revision.getWithdrawn() ? null : revision;
	}

}
