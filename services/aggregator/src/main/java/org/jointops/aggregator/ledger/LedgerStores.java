package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jointops.ledger.Activity;
import org.jointops.ledger.Checkpoint;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.ReportEntry;
import org.jointops.ledger.StandingReport;
import org.jointops.ledger.Tally;
import org.jointops.wire.AvroSerdes;

/**
 * The aggregator's state stores, their names (which the queries reuse) and the kinds of
 * entry of the ledger store. Every value is small and never grows with the operation: an
 * operation's ledger is one entry per slot, read by prefix scans.
 *
 * <pre>
 * report-revisions  ReportKey → StandingReport    the standing revision of each report
 * ledger            one RocksDB store, one prefix per kind:
 *   O operations         operation          → OperationState  version, reports, history bookkeeping
 *   S slots              SlotKey            → Tally           cells and counts of reports, now
 *   L council lines      LineKey            → Tally           council-level lines, by state and stage
 *   C change log         ChangeLogKey       → ReportChange    every change, in time order
 *   K checkpoints        CheckpointKey      → Checkpoint      the instants the ledger is kept at
 *   P checkpoint slots   CheckpointSlotKey  → Tally           the ledger's slots at those instants
 *   R reports            OperationReportKey → ReportEntry     the reports of an operation, now
 *   H report history     ReportHistoryKey   → ReportEntry     each report's changes, in time order
 *   A activity           ActivityKey        → Activity        who submitted on each stage, when
 * </pre>
 */
public final class LedgerStores {

	/** The standing revision of each report. */
	public static final String REVISIONS = "report-revisions";

	/** Every operation's ledger, its history, reports and activity. */
	public static final String LEDGER = "ledger";

	/** Each operation's version, report count and history bookkeeping. */
	public static final LedgerTable<String, OperationState> OPERATIONS = new LedgerTable<>('O',
			KeySerde.of((operation) -> operation, (text) -> text), AvroSerdes.of(OperationState.class));

	/** Each operation's slots now. */
	public static final LedgerTable<SlotKey, Tally> SLOTS = new LedgerTable<>('S', SlotKey.SERDE,
			AvroSerdes.of(Tally.class));

	/** Each operation's council-level lines now. */
	public static final LedgerTable<LineKey, Tally> LINES = new LedgerTable<>('L', LineKey.SERDE,
			AvroSerdes.of(Tally.class));

	/** Every change of every operation, in time order. */
	public static final LedgerTable<ChangeLogKey, ReportChange> CHANGE_LOG = new LedgerTable<>('C', ChangeLogKey.SERDE,
			AvroSerdes.of(ReportChange.class));

	/** The instants each operation's ledger is kept at. */
	public static final LedgerTable<CheckpointKey, Checkpoint> CHECKPOINTS = new LedgerTable<>('K', CheckpointKey.SERDE,
			AvroSerdes.of(Checkpoint.class));

	/** The slots of each checkpoint. */
	public static final LedgerTable<CheckpointSlotKey, Tally> CHECKPOINT_SLOTS = new LedgerTable<>('P',
			CheckpointSlotKey.SERDE, AvroSerdes.of(Tally.class));

	/** The reports of each operation now. */
	public static final LedgerTable<OperationReportKey, ReportEntry> REPORTS = new LedgerTable<>('R',
			OperationReportKey.SERDE, AvroSerdes.of(ReportEntry.class));

	/** Each report's changes in each operation, in time order. */
	public static final LedgerTable<ReportHistoryKey, ReportEntry> REPORT_HISTORY = new LedgerTable<>('H',
			ReportHistoryKey.SERDE, AvroSerdes.of(ReportEntry.class));

	/** Who submitted on each stage of each operation, and when. */
	public static final LedgerTable<ActivityKey, Activity> ACTIVITY = new LedgerTable<>('A', ActivityKey.SERDE,
			AvroSerdes.of(Activity.class));

	private LedgerStores() {
	}

	/**
	 * The prefix of the keys that start with the given parts, for a table's prefix scan.
	 * @param parts the leading parts of a key, e.g. the operation (an instant is written
	 * as keys write it)
	 * @return e.g. {@code ILLEGAL-2017/}
	 */
	public static String prefix(Object... parts) {
		return Keys.join(parts) + Keys.SEPARATOR;
	}

	static Serializer<String> prefixSerializer() {
		return new StringSerializer();
	}

	/**
	 * Adds the store the latest-revision step uses.
	 * @param builder the topology's builder
	 */
	public static void addRevisionStore(StreamsBuilder builder) {
		builder.addStateStore(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVISIONS), ReportKey.SERDE,
							AvroSerdes.of(StandingReport.class))
					.withCachingEnabled());
	}

	/**
	 * Adds the store the ledger step uses.
	 * @param builder the topology's builder
	 */
	public static void addLedgerStore(StreamsBuilder builder) {
		// cached: a slot written many times within a commit interval reaches RocksDB and
		// the changelog once
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER), Serdes.Bytes(), Serdes.ByteArray())
					.withCachingEnabled());
	}

}
