package org.jointops.aggregator.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jointops.catalogue.Catalogue;
import org.jointops.ledger.Activity;
import org.jointops.ledger.Checkpoint;
import org.jointops.ledger.LedgerCell;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportChange;
import org.jointops.ledger.ReportEntry;
import org.jointops.ledger.ReportTally;
import org.jointops.ledger.Tally;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;

/**
 * Reads an operation's ledger from the stores of {@link LedgerStores}, each answer in
 * time bounded by what it returns: the ledger now is its slots; the ledger at an instant
 * is the latest checkpoint at or before it plus the changes after the checkpoint up to
 * the instant (a checkpoint is taken every {@code max(10,000, slots)} changes, so at most
 * about that many are folded); the reports at an instant are each report's last change at
 * or before it; completeness is kept as the changes flow.
 * <p>
 * Each report's changes are in time order (a change's time is its revision's submission
 * time, or the report's previous change's if that was later), so the ledger at an instant
 * counts each report at the last revision that replaced it and was submitted at or before
 * the instant.
 */
public final class LedgerReader {

	private final StoreSource stores;

	/**
	 * Creates a reader.
	 * @param stores where the stores are
	 */
	public LedgerReader(StoreSource stores) {
		this.stores = stores;
	}

	/**
	 * An operation's version, report count and history bookkeeping.
	 * @param operation operation code
	 * @return its state, empty if no report has named it
	 */
	public Optional<OperationState> operation(String operation) {
		return Optional.ofNullable(LedgerStores.OPERATIONS.get(this.stores.ledger(), operation));
	}

	/**
	 * Every operation's state.
	 * @return the operations reports have named
	 */
	public List<OperationState> operations() {
		List<OperationState> operations = new ArrayList<>();
		try (KeyValueIterator<String, OperationState> all = LedgerStores.OPERATIONS.all(this.stores.ledger())) {
			all.forEachRemaining((entry) -> operations.add(entry.value));
		}
		return operations;
	}

	/**
	 * An operation's ledger now.
	 * @param operation operation code
	 * @return its ledger, empty if no report has named it
	 */
	public Optional<OperationLedger> ledger(String operation) {
		return operation(operation).map((state) -> {
			Map<Slot, Tally> slots = new LinkedHashMap<>();
			try (KeyValueIterator<SlotKey, Tally> all = LedgerStores.SLOTS.prefixScan(this.stores.ledger(),
					LedgerStores.prefix(operation))) {
				all.forEachRemaining((entry) -> slots.put(entry.key.slot(), entry.value));
			}
			return toLedger(operation, state.getVersion(), state.getUpdatedAt(), slots);
		});
	}

	/**
	 * An operation's ledger as it stood at an instant.
	 * @param operation operation code
	 * @param asOf the instant; changes after it do not count
	 * @return the ledger at the version of the latest change it counts (0 and
	 * {@link Instant#EPOCH} if none)
	 * @throws HistoryPrunedException if the history before the instant was pruned
	 */
	public OperationLedger ledgerAsOf(String operation, Instant asOf) {
		Optional<OperationState> state = operation(operation);
		if (state.isPresent() && state.get().getHistoryFrom() != null && asOf.isBefore(state.get().getHistoryFrom())) {
			throw new HistoryPrunedException(operation, state.get().getHistoryFrom());
		}
		Map<Slot, Tally> slots = new LinkedHashMap<>();
		long version = 0;
		Instant updatedAt = Instant.EPOCH;
		Instant foldFrom = Instant.EPOCH;
		KeyValue<CheckpointKey, Checkpoint> checkpoint = latestCheckpoint(operation, asOf);
		if (checkpoint != null) {
			Instant at = checkpoint.key.at();
			try (KeyValueIterator<CheckpointSlotKey, Tally> all = LedgerStores.CHECKPOINT_SLOTS
				.prefixScan(this.stores.ledger(), LedgerStores.prefix(operation, at))) {
				all.forEachRemaining((entry) -> slots.put(entry.key.slot(), entry.value));
			}
			version = checkpoint.value.getMaxVersion();
			updatedAt = at;
			foldFrom = at.plusMillis(1);
		}
		if (!foldFrom.isAfter(asOf)) {
			try (KeyValueIterator<ChangeLogKey, ReportChange> changes = LedgerStores.CHANGE_LOG.range(
					this.stores.ledger(), new ChangeLogKey(operation, foldFrom, 0),
					new ChangeLogKey(operation, asOf, Long.MAX_VALUE))) {
				while (changes.hasNext()) {
					KeyValue<ChangeLogKey, ReportChange> change = changes.next();
					apply(slots, change.value);
					version = Math.max(version, change.key.version());
					updatedAt = change.key.changedAt().isAfter(updatedAt) ? change.key.changedAt() : updatedAt;
				}
			}
		}
		return toLedger(operation, version, updatedAt, slots);
	}

	/**
	 * The reports of an operation, each as its last change at or before an instant left
	 * it.
	 * @param operation operation code
	 * @param asOf an instant, or null for now
	 * @return every report the operation has had at that instant, counting or not, by
	 * state and report id
	 * @throws HistoryPrunedException if the history before the instant was pruned
	 */
	public List<ReportEntry> reports(String operation, Instant asOf) {
		if (asOf != null) {
			operation(operation).map(OperationState::getHistoryFrom).filter(asOf::isBefore).ifPresent((from) -> {
				throw new HistoryPrunedException(operation, from);
			});
		}
		List<ReportEntry> reports = new ArrayList<>();
		ReadOnlyKeyValueStore<Bytes, byte[]> ledger = this.stores.ledger();
		try (KeyValueIterator<OperationReportKey, ReportEntry> all = LedgerStores.REPORTS.prefixScan(ledger,
				LedgerStores.prefix(operation))) {
			while (all.hasNext()) {
				KeyValue<OperationReportKey, ReportEntry> entry = all.next();
				if (asOf == null || !entry.value.getChangedAt().isAfter(asOf)) {
					reports.add(entry.value);
				}
				else {
					try (KeyValueIterator<ReportHistoryKey, ReportEntry> earlier = LedgerStores.REPORT_HISTORY
						.reverseRange(ledger, new ReportHistoryKey(operation, entry.key.report(), Instant.EPOCH, 0),
								new ReportHistoryKey(operation, entry.key.report(), asOf, Long.MAX_VALUE))) {
						if (earlier.hasNext()) {
							reports.add(earlier.next().value);
						}
					}
				}
			}
		}
		return reports;
	}

	/**
	 * Who submitted on each stage of an operation, and when.
	 * @param operation operation code
	 * @return each agency's activity, by stage, state and agency
	 */
	public Map<ActivityKey, Activity> activity(String operation) {
		Map<ActivityKey, Activity> activity = new LinkedHashMap<>();
		try (KeyValueIterator<ActivityKey, Activity> all = LedgerStores.ACTIVITY.prefixScan(this.stores.ledger(),
				LedgerStores.prefix(operation))) {
			all.forEachRemaining((entry) -> activity.put(entry.key, entry.value));
		}
		return activity;
	}

	/**
	 * An operation's council totals now, from its council-level lines.
	 * @param state the operation's state
	 * @param catalogue for the order of categories
	 * @return the totals, lines in catalogue order
	 */
	public CouncilTotals councilTotals(OperationState state, Catalogue catalogue) {
		Map<LineOrder, TotalLine> lines = new TreeMap<>();
		try (KeyValueIterator<LineKey, Tally> all = LedgerStores.LINES.prefixScan(this.stores.ledger(),
				LedgerStores.prefix(state.getOperation()))) {
			while (all.hasNext()) {
				KeyValue<LineKey, Tally> entry = all.next();
				LineKey key = entry.key;
				TotalLine line = lines.computeIfAbsent(LineOrder.of(catalogue, key.category(), key.currency()),
						(order) -> new TotalLine(key.category(), entry.value.getUnit(), key.currency(),
								Tallies.zero(null).getQuantity(), new TreeMap<>(), new TreeMap<>()));
				switch (key.breakdown()) {
					case TOTAL -> {
						line.setTotal(entry.value.getQuantity());
						line.setUnit(entry.value.getUnit());
					}
					case STATE -> line.getByState().put(key.part(), entry.value.getQuantity());
					case STAGE ->
						line.getByStage().put(String.valueOf(Integer.parseInt(key.part())), entry.value.getQuantity());
				}
			}
		}
		return new CouncilTotals(state.getOperation(), state.getVersion(), state.getUpdatedAt(), state.getReports(),
				new ArrayList<>(lines.values()), state.getEpoch());
	}

	private KeyValue<CheckpointKey, Checkpoint> latestCheckpoint(String operation, Instant asOf) {
		try (KeyValueIterator<CheckpointKey, Checkpoint> checkpoints = LedgerStores.CHECKPOINTS.reverseRange(
				this.stores.ledger(), new CheckpointKey(operation, Instant.EPOCH),
				new CheckpointKey(operation, asOf))) {
			return checkpoints.hasNext() ? checkpoints.next() : null;
		}
	}

	/**
	 * Applies a change to slots in memory: its previous revision taken out, its new one
	 * put in; slots that end at zero go.
	 * @param slots the slots, changed in place
	 * @param change the change
	 */
	static void apply(Map<Slot, Tally> slots, ReportChange change) {
		if (change.getBefore() != null) {
			Tallies.add(slots, change.getBefore(), -1);
		}
		if (change.getAfter() != null) {
			Tallies.add(slots, change.getAfter(), 1);
		}
		slots.values().removeIf(Tallies::isEmpty);
	}

	static OperationLedger toLedger(String operation, long version, Instant updatedAt, Map<Slot, Tally> slots) {
		List<LedgerCell> cells = new ArrayList<>();
		List<ReportTally> tallies = new ArrayList<>();
		slots.forEach((slot, tally) -> {
			if (Tallies.isEmpty(tally)) {
				return;
			}
			if (slot.kind() == Slot.Kind.LINE) {
				cells.add(new LedgerCell(slot.category(), tally.getUnit(), slot.currency(), slot.state(), slot.stage(),
						slot.agency(), tally.getQuantity(), tally.getCount()));
			}
			else {
				tallies.add(new ReportTally(slot.state(), slot.stage(), slot.agency(), tally.getCount()));
			}
		});
		cells.sort(Comparator.comparing(LedgerCell::getCategory)
			.thenComparing(LedgerCell::getCurrency, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(LedgerCell::getState)
			.thenComparing(LedgerCell::getStage)
			.thenComparing(LedgerCell::getAgency));
		tallies.sort(Comparator.comparing(ReportTally::getState)
			.thenComparing(ReportTally::getStage)
			.thenComparing(ReportTally::getAgency));
		return new OperationLedger(operation, version, updatedAt, cells, tallies);
	}

}
