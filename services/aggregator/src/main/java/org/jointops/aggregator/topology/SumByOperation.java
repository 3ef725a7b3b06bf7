package org.jointops.aggregator.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;

/**
 * Applies each change of contribution to its operation's ledger (store
 * {@value CouncilTotalsTopology#TOTALS_STORE}), keeps the change under the ledger version
 * it produced (store {@value CouncilTotalsTopology#CHANGES_STORE}), and forwards every
 * new ledger: one record downstream per change, never merged by a cache.
 * <p>
 * Both stores are written in the same task and the same transaction, so the history
 * always holds exactly the changes the ledger has seen, version by version.
 */
class SumByOperation implements Processor<String, ReportChange, String, OperationLedger> {

	private TimestampedKeyValueStore<String, OperationLedger> ledgers;

	private KeyValueStore<ChangeKey, ReportChange> changes;

	private ProcessorContext<String, OperationLedger> context;

	@Override
	public void init(ProcessorContext<String, OperationLedger> context) {
		this.context = context;
		this.ledgers = context.getStateStore(CouncilTotalsTopology.TOTALS_STORE);
		this.changes = context.getStateStore(CouncilTotalsTopology.CHANGES_STORE);
	}

	@Override
	public void process(Record<String, ReportChange> record) {
		String operation = record.key();
		ValueAndTimestamp<OperationLedger> stored = this.ledgers.get(operation);
		OperationLedger before = (stored != null) ? stored.value() : Ledgers.empty();
		OperationLedger after = Ledgers.apply(operation, record.value(), before);
		long timestamp = (stored != null) ? Math.max(stored.timestamp(), record.timestamp()) : record.timestamp();
		this.ledgers.put(operation, ValueAndTimestamp.make(after, timestamp));
		this.changes.put(new ChangeKey(operation, after.getVersion()), record.value());
		this.context.forward(record.withValue(after).withTimestamp(timestamp));
	}

}
