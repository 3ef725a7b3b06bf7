package org.jointops.aggregator.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jointops.aggregator.topology.ChangeKey;
import org.jointops.aggregator.topology.CouncilTotalsTopology;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.ReportChange;

import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the operations' ledgers from this instance's Kafka Streams state store
 * ({@value CouncilTotalsTopology#TOTALS_STORE}) and their histories
 * ({@value CouncilTotalsTopology#CHANGES_STORE}). With several instances, an operation
 * whose ledger another instance holds is not answered here as if it had no reports.
 */
@Component
class StreamsLedgerStore implements LedgerStore {

	private final KafkaStreamsInteractiveQueryService queries;

	StreamsLedgerStore(KafkaStreamsInteractiveQueryService queries) {
		this.queries = queries;
	}

	@Override
	public Optional<OperationLedger> ledger(String operation) {
		try {
			OperationLedger ledger = store().get(operation);
			if (ledger == null) {
				checkHeldHere(operation);
			}
			return Optional.ofNullable(ledger);
		}
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public List<OperationLedger> ledgers() {
		List<OperationLedger> ledgers = new ArrayList<>();
		try (KeyValueIterator<String, OperationLedger> all = store().all()) {
			while (all.hasNext()) {
				KeyValue<String, OperationLedger> entry = all.next();
				ledgers.add(entry.value);
			}
		}
		catch (InvalidStateStoreException ex) {
			throw unavailable(ex);
		}
		return ledgers;
	}

	@Override
	public List<VersionedChange> history(String operation) {
		List<VersionedChange> changes = new ArrayList<>();
		try {
			ReadOnlyKeyValueStore<ChangeKey, ReportChange> store = this.queries
				.retrieveQueryableStore(CouncilTotalsTopology.CHANGES_STORE, QueryableStoreTypes.keyValueStore());
			try (KeyValueIterator<ChangeKey, ReportChange> all = store.prefixScan(ChangeKey.prefix(operation),
					ChangeKey.prefixSerializer())) {
				while (all.hasNext()) {
					KeyValue<ChangeKey, ReportChange> entry = all.next();
					changes.add(new VersionedChange(entry.key.version(), entry.value));
				}
			}
			if (changes.isEmpty()) {
				checkHeldHere(operation);
			}
		}
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw unavailable(ex);
		}
		changes.sort(Comparator.comparingLong(VersionedChange::version));
		return changes;
	}

	private void checkHeldHere(String operation) {
		HostInfo self = this.queries.getCurrentKafkaStreamsApplicationHostInfo();
		if (self == null) {
			return; // application.server not set: a single instance holds everything
		}
		HostInfo holder = this.queries.getKafkaStreamsApplicationHostInfo(CouncilTotalsTopology.TOTALS_STORE, operation,
				new StringSerializer());
		if (holder != null && !holder.equals(self)) {
			throw new TotalsUnavailableException(
					"The totals of " + operation + " are held by the aggregator instance at " + holder.host() + ":"
							+ holder.port() + "; ask it there",
					null);
		}
	}

	private ReadOnlyKeyValueStore<String, OperationLedger> store() {
		try {
			return this.queries.retrieveQueryableStore(CouncilTotalsTopology.TOTALS_STORE,
					QueryableStoreTypes.keyValueStore());
		}
		catch (IllegalStateException | InvalidStateStoreException ex) {
			throw unavailable(ex);
		}
	}

	private static TotalsUnavailableException unavailable(RuntimeException ex) {
		return new TotalsUnavailableException(
				"The totals are being restored or rebalanced and cannot be read right now; retry shortly", ex);
	}

}
