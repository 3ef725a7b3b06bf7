package org.jointops.aggregator.ledger;

import org.apache.kafka.common.serialization.Serde;
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
 * The aggregator's state stores: their names (which the queries reuse), key and value
 * types. Every value is small and never grows with the operation: an operation's ledger
 * is one entry per slot, read by prefix scans.
 *
 * <pre>
 * report-revisions   ReportKey           → StandingReport   the standing revision of each report
 * operations         operation           → OperationState   version, reports, history bookkeeping
 * ledger-slots       SlotKey             → Tally            cells and counts of reports, now
 * council-lines      LineKey             → Tally            council-level lines, by state and by stage
 * change-log         ChangeLogKey        → ReportChange     every change, in time order
 * checkpoints        CheckpointKey       → Checkpoint       the instants the ledger is kept at
 * checkpoint-slots   CheckpointSlotKey   → Tally            the ledger's slots at those instants
 * operation-reports  OperationReportKey  → ReportEntry      the reports of an operation, now
 * report-history     ReportHistoryKey    → ReportEntry      each report's changes, in time order
 * operation-activity ActivityKey         → Activity         who submitted on each stage, when
 * </pre>
 */
public final class LedgerStores {

	/** The standing revision of each report. */
	public static final String REVISIONS = "report-revisions";

	/** Each operation's version, report count and history bookkeeping. */
	public static final String OPERATIONS = "operations";

	/** Each operation's slots now. */
	public static final String SLOTS = "ledger-slots";

	/** Each operation's council-level lines now. */
	public static final String LINES = "council-lines";

	/** Every change of every operation, in time order. */
	public static final String CHANGE_LOG = "change-log";

	/** The instants each operation's ledger is kept at. */
	public static final String CHECKPOINTS = "checkpoints";

	/** The slots of each checkpoint. */
	public static final String CHECKPOINT_SLOTS = "checkpoint-slots";

	/** The reports of each operation now. */
	public static final String REPORTS = "operation-reports";

	/** Each report's changes in each operation, in time order. */
	public static final String REPORT_HISTORY = "report-history";

	/** Who submitted on each stage of each operation, and when. */
	public static final String ACTIVITY = "operation-activity";

	private LedgerStores() {
	}

	/**
	 * The prefix of the keys that start with the given parts, for a store's prefix scan
	 * with {@link #prefixSerializer()}.
	 * @param parts the leading parts of a key, e.g. the operation (an instant is written
	 * as keys write it)
	 * @return e.g. {@code ILLEGAL-2017/}
	 */
	public static String prefix(Object... parts) {
		return Keys.join(parts) + Keys.SEPARATOR;
	}

	/**
	 * The serializer of {@link #prefix} values.
	 * @return a UTF-8 serializer, as the keys are written
	 */
	public static Serializer<String> prefixSerializer() {
		return new StringSerializer();
	}

	/**
	 * Adds the store the latest-revision step uses.
	 * @param builder the topology's builder
	 */
	public static void addRevisionStore(StreamsBuilder builder) {
		add(builder, REVISIONS, ReportKey.SERDE, AvroSerdes.of(StandingReport.class));
	}

	/**
	 * Adds the stores the ledger step uses.
	 * @param builder the topology's builder
	 * @return their names, in the order the step names them
	 */
	public static String[] addLedgerStores(StreamsBuilder builder) {
		add(builder, OPERATIONS, Serdes.String(), AvroSerdes.of(OperationState.class));
		add(builder, SLOTS, SlotKey.SERDE, AvroSerdes.of(Tally.class));
		add(builder, LINES, LineKey.SERDE, AvroSerdes.of(Tally.class));
		add(builder, CHANGE_LOG, ChangeLogKey.SERDE, AvroSerdes.of(ReportChange.class));
		add(builder, CHECKPOINTS, CheckpointKey.SERDE, AvroSerdes.of(Checkpoint.class));
		add(builder, CHECKPOINT_SLOTS, CheckpointSlotKey.SERDE, AvroSerdes.of(Tally.class));
		add(builder, REPORTS, OperationReportKey.SERDE, AvroSerdes.of(ReportEntry.class));
		add(builder, REPORT_HISTORY, ReportHistoryKey.SERDE, AvroSerdes.of(ReportEntry.class));
		add(builder, ACTIVITY, ActivityKey.SERDE, AvroSerdes.of(Activity.class));
		return new String[] { OPERATIONS, SLOTS, LINES, CHANGE_LOG, CHECKPOINTS, CHECKPOINT_SLOTS, REPORTS,
				REPORT_HISTORY, ACTIVITY };
	}

	private static <K, V> void add(StreamsBuilder builder, String name, Serde<K> keys, Serde<V> values) {
		// cached: a slot written many times within a commit interval reaches RocksDB and
		// its changelog once
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingEnabled());
	}

}
