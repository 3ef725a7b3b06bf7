package org.jointops.aggregator.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.aggregator.ledger.ChangeLogKey;
import org.jointops.aggregator.ledger.CheckpointKey;
import org.jointops.aggregator.ledger.CheckpointSlotKey;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.ledger.LedgerTable;
import org.jointops.aggregator.ledger.LineKey;
import org.jointops.aggregator.ledger.OperationReportKey;
import org.jointops.aggregator.ledger.ReportHistoryKey;
import org.jointops.aggregator.ledger.ReportKey;
import org.jointops.aggregator.ledger.Slot;
import org.jointops.aggregator.ledger.SlotKey;
import org.jointops.aggregator.ledger.Tallies;
import org.jointops.ledger.Activity;
import org.jointops.ledger.Checkpoint;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.ReportEntry;
import org.jointops.ledger.Tally;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.totals.CouncilTotals;

/**
 * Applies each change of contribution to its operation's ledger, touching only the slots
 * the change touches (stores of {@link LedgerStores}), and writes the operation's council
 * totals at most once per commit interval.
 * <p>
 * For each change: the slots of the revision taken out and of the one put in (a cell per
 * line, a count of reports) and their council-level lines, the operation's version and
 * report count, the change in the change log, the report's entry and history, and the
 * submitting agency's activity. Every {@code max(checkpoint interval, slots)} changes the
 * operation's slots are kept as a checkpoint at the latest change time, so that its
 * ledger at an instant folds at most about that many changes; a change whose time is at
 * or before a checkpoint (a late revision) is added to every checkpoint from its time on.
 * The work of a change is proportional to the change (and to how late it is), never to
 * the operation.
 * <p>
 * The totals of an operation are written when it changes, unless they were written less
 * than a commit interval ago: then they are written by the next punctuation, so an
 * operation's totals are written at most about once per commit interval, with versions
 * that strictly increase (versions in between are skipped). Everything is written in the
 * task's transaction.
 * <p>
 * An operation quiet for longer than the history's retention has its history pruned to a
 * checkpoint at its latest change: its figures at earlier instants can no longer be
 * given.
 */
class LedgerUpdate implements Processor<String, ReportChange, String, CouncilTotals> {

	private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);

	private static final Duration RETENTION_CHECK = Duration.ofHours(1);

	private final CurrentCatalogue catalogue;

	private final HistoryProperties history;

	private final Set<String> dirty = new LinkedHashSet<>();

	private final Map<String, Long> writtenAt = new HashMap<>();

	private ProcessorContext<String, CouncilTotals> context;

	private long interval;

	private KeyValueStore<Bytes, byte[]> ledger;

	private LedgerReader reader;

	LedgerUpdate(CurrentCatalogue catalogue, HistoryProperties history) {
		this.catalogue = catalogue;
		this.history = history;
	}

	@Override
	public void init(ProcessorContext<String, CouncilTotals> context) {
		this.context = context;
		KeyValueStore<Bytes, byte[]> ledger = context.getStateStore(LedgerStores.LEDGER);
		this.ledger = ledger;
		this.reader = new LedgerReader(() -> ledger);
		Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
		this.interval = (configured != null) ? Long.parseLong(configured.toString()) : 100L;
		try (KeyValueIterator<String, OperationState> all = LedgerStores.OPERATIONS.all(this.ledger)) {
			// totals a crash left unwritten are written by the first punctuation
			all.forEachRemaining((entry) -> {
				if (entry.value.getEmittedVersion() < entry.value.getVersion()) {
					this.dirty.add(entry.key);
				}
			});
		}
		context.schedule(Duration.ofMillis(this.interval), PunctuationType.WALL_CLOCK_TIME, this::writeDirty);
		context.schedule(RETENTION_CHECK, PunctuationType.WALL_CLOCK_TIME, this::pruneQuietHistories);
	}

	@Override
	public void process(Record<String, ReportChange> record) {
		String operation = record.key();
		ReportChange change = record.value();
		Instant at = change.getChangedAt();
		OperationState state = LedgerStores.OPERATIONS.get(this.ledger, operation);
		if (state == null) {
			// the first change of the operation in this application's state: its epoch,
			// which orders its totals after those of any earlier build (a reset)
			state = new OperationState(operation, 0L, Instant.EPOCH, 0L, Instant.EPOCH, 0L, 0L, 0L, null, null,
					this.context.currentSystemTimeMs());
		}
		long version = state.getVersion() + 1;
		Map<Slot, Tally> delta = delta(change);
		long reportsDelta = 0;
		for (Map.Entry<Slot, Tally> entry : delta.entrySet()) {
			Slot slot = entry.getKey();
			Tally tally = entry.getValue();
			if (slot.kind() == Slot.Kind.REPORTS) {
				reportsDelta += tally.getCount();
			}
			else {
				addToLines(operation, slot, tally);
			}
			Tally before = LedgerStores.SLOTS.get(this.ledger, new SlotKey(operation, slot));
			Tally after = Tallies.plus(before, tally);
			LedgerStores.SLOTS.put(this.ledger, new SlotKey(operation, slot), Tallies.isEmpty(after) ? null : after);
			state.setSlots(state.getSlots() + (Tallies.isEmpty(before) ? 0 : -1) + (Tallies.isEmpty(after) ? 0 : 1));
		}
		LedgerStores.CHANGE_LOG.put(this.ledger, new ChangeLogKey(operation, at, version), change);
		if (state.getCheckpointAt() != null && !at.isAfter(state.getCheckpointAt())) {
			patchCheckpoints(operation, at, version, delta, reportsDelta);
		}
		record(operation, change, version);
		state.setVersion(version);
		state.setReports(state.getReports() + reportsDelta);
		state.setUpdatedAt(at.isAfter(state.getUpdatedAt()) ? at : state.getUpdatedAt());
		state.setTouchedAt(Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
		state.setSinceCheckpoint(state.getSinceCheckpoint() + 1);
		if (state.getSinceCheckpoint() >= Math.max(this.history.checkpointInterval(), state.getSlots())) {
			checkpoint(state);
		}
		LedgerStores.OPERATIONS.put(this.ledger, operation, state);
		this.dirty.add(operation);
		Long written = this.writtenAt.get(operation);
		if (written == null || this.context.currentSystemTimeMs() - written >= this.interval) {
			write(operation);
		}
	}

	private static Map<Slot, Tally> delta(ReportChange change) {
		Map<Slot, Tally> delta = new LinkedHashMap<>();
		if (change.getBefore() != null) {
			Tallies.add(delta, change.getBefore(), -1);
		}
		if (change.getAfter() != null) {
			Tallies.add(delta, change.getAfter(), 1);
		}
		delta.values().removeIf((tally) -> tally.getCount() == 0 && tally.getQuantity().signum() == 0);
		return delta;
	}

	private void addToLines(String operation, Slot cell, Tally tally) {
		for (LineKey key : LineKey.of(operation, cell)) {
			Tally sum = Tallies.plus(LedgerStores.LINES.get(this.ledger, key), tally);
			LedgerStores.LINES.put(this.ledger, key, Tallies.isEmpty(sum) ? null : sum);
		}
	}

	private void record(String operation, ReportChange change, long version) {
		ReportRevision subject = (change.getAfter() != null) ? change.getAfter() : change.getBefore();
		ReportKey report = ReportKey.of(subject);
		ReportEntry entry = new ReportEntry(change.getAfter(), subject, change.getRevisions(), version,
				change.getChangedAt());
		LedgerStores.REPORTS.put(this.ledger, new OperationReportKey(operation, report), entry);
		LedgerStores.REPORT_HISTORY.put(this.ledger,
				new ReportHistoryKey(operation, report, change.getChangedAt(), version), entry);
		ActivityKey key = new ActivityKey(operation, subject.getStage(), subject.getState(), subject.getAgency());
		Instant at = change.getChangedAt();
		Activity current = LedgerStores.ACTIVITY.get(this.ledger, key);
		LedgerStores.ACTIVITY.put(this.ledger, key,
				(current != null)
						? new Activity(at.isBefore(current.getFirst()) ? at : current.getFirst(),
								at.isAfter(current.getLast()) ? at : current.getLast(), current.getSubmissions() + 1)
						: new Activity(at, at, 1L));
	}

	/* Keeps the operation's slots as they stand, at its latest change time. */
	private void checkpoint(OperationState state) {
		String operation = state.getOperation();
		Instant at = state.getUpdatedAt();
		deleteAll(LedgerStores.CHECKPOINT_SLOTS, LedgerStores.prefix(operation, at));
		List<KeyValue<SlotKey, Tally>> slots = new ArrayList<>();
		try (KeyValueIterator<SlotKey, Tally> all = LedgerStores.SLOTS.prefixScan(this.ledger,
				LedgerStores.prefix(operation))) {
			all.forEachRemaining(slots::add);
		}
		slots.forEach((slot) -> LedgerStores.CHECKPOINT_SLOTS.put(this.ledger,
				new CheckpointSlotKey(operation, at, slot.key.slot()), slot.value));
		LedgerStores.CHECKPOINTS.put(this.ledger, new CheckpointKey(operation, at),
				new Checkpoint(state.getVersion(), state.getReports()));
		state.setCheckpointAt(at);
		state.setSinceCheckpoint(0L);
	}

	/* Adds a late change to every checkpoint at or after its time. */
	private void patchCheckpoints(String operation, Instant at, long version, Map<Slot, Tally> delta,
			long reportsDelta) {
		List<KeyValue<CheckpointKey, Checkpoint>> later = new ArrayList<>();
		try (KeyValueIterator<CheckpointKey, Checkpoint> all = LedgerStores.CHECKPOINTS.range(this.ledger,
				new CheckpointKey(operation, at), new CheckpointKey(operation, END_OF_TIME))) {
			all.forEachRemaining(later::add);
		}
		for (KeyValue<CheckpointKey, Checkpoint> checkpoint : later) {
			delta.forEach((slot, tally) -> {
				CheckpointSlotKey key = new CheckpointSlotKey(operation, checkpoint.key.at(), slot);
				Tally sum = Tallies.plus(LedgerStores.CHECKPOINT_SLOTS.get(this.ledger, key), tally);
				LedgerStores.CHECKPOINT_SLOTS.put(this.ledger, key, Tallies.isEmpty(sum) ? null : sum);
			});
			LedgerStores.CHECKPOINTS.put(this.ledger, checkpoint.key, new Checkpoint(
					Math.max(checkpoint.value.getMaxVersion(), version), checkpoint.value.getReports() + reportsDelta));
		}
	}

	private void writeDirty(long now) {
		for (String operation : List.copyOf(this.dirty)) {
			Long written = this.writtenAt.get(operation);
			if (written == null || now - written >= this.interval) {
				write(operation);
			}
		}
	}

	private void write(String operation) {
		OperationState state = LedgerStores.OPERATIONS.get(this.ledger, operation);
		this.dirty.remove(operation);
		if (state == null || state.getEmittedVersion() >= state.getVersion()) {
			return;
		}
		long now = this.context.currentSystemTimeMs();
		CouncilTotals totals = this.reader.councilTotals(state, this.catalogue.current());
		this.context.forward(new Record<>(operation, totals, state.getUpdatedAt().toEpochMilli()));
		state.setEmittedVersion(state.getVersion());
		LedgerStores.OPERATIONS.put(this.ledger, operation, state);
		this.writtenAt.put(operation, now);
	}

	/*
	 * Prunes the history of operations quiet for longer than the retention: their ledger
	 * is kept as a checkpoint at their latest change, their change log and older
	 * checkpoints go, and each report keeps only its latest history entry. An operation
	 * is pruned again once it has had changes since (even late ones, dated before its
	 * pruning) and has been quiet again for the retention: it has changes to prune while
	 * its change log is not empty.
	 */
	private void pruneQuietHistories(long now) {
		List<OperationState> quiet = new ArrayList<>();
		try (KeyValueIterator<String, OperationState> all = LedgerStores.OPERATIONS.all(this.ledger)) {
			all.forEachRemaining((entry) -> {
				if (now - entry.value.getTouchedAt().toEpochMilli() > this.history.retention().toMillis()) {
					quiet.add(entry.value);
				}
			});
		}
		for (OperationState state : quiet) {
			if (hasChanges(state.getOperation())) {
				prune(state);
			}
		}
	}

	private boolean hasChanges(String operation) {
		try (KeyValueIterator<ChangeLogKey, ReportChange> changes = LedgerStores.CHANGE_LOG.prefixScan(this.ledger,
				LedgerStores.prefix(operation))) {
			return changes.hasNext();
		}
	}

	private void prune(OperationState state) {
		String operation = state.getOperation();
		if (!state.getUpdatedAt().equals(state.getCheckpointAt())) {
			checkpoint(state);
		}
		Instant keep = state.getCheckpointAt();
		deleteAll(LedgerStores.CHANGE_LOG, LedgerStores.prefix(operation));
		List<CheckpointKey> older = new ArrayList<>();
		try (KeyValueIterator<CheckpointKey, Checkpoint> all = LedgerStores.CHECKPOINTS.range(this.ledger,
				new CheckpointKey(operation, Instant.EPOCH), new CheckpointKey(operation, keep.minusMillis(1)))) {
			all.forEachRemaining((entry) -> older.add(entry.key));
		}
		for (CheckpointKey key : older) {
			deleteAll(LedgerStores.CHECKPOINT_SLOTS, LedgerStores.prefix(operation, key.at()));
			LedgerStores.CHECKPOINTS.put(this.ledger, key, null);
		}
		List<ReportHistoryKey> superseded = new ArrayList<>();
		try (KeyValueIterator<ReportHistoryKey, ReportEntry> all = LedgerStores.REPORT_HISTORY.prefixScan(this.ledger,
				LedgerStores.prefix(operation))) {
			ReportHistoryKey previous = null;
			while (all.hasNext()) {
				ReportHistoryKey key = all.next().key;
				if (previous != null && previous.report().equals(key.report())) {
					superseded.add(previous);
				}
				previous = key;
			}
		}
		superseded.forEach((key) -> LedgerStores.REPORT_HISTORY.put(this.ledger, key, null));
		state.setHistoryFrom(keep);
		LedgerStores.OPERATIONS.put(this.ledger, operation, state);
	}

	private <K, V> void deleteAll(LedgerTable<K, V> table, String prefix) {
		List<K> keys = new ArrayList<>();
		try (KeyValueIterator<K, V> all = table.prefixScan(this.ledger, prefix)) {
			all.forEachRemaining((entry) -> keys.add(entry.key));
		}
		keys.forEach((key) -> table.put(this.ledger, key, null));
	}

}
