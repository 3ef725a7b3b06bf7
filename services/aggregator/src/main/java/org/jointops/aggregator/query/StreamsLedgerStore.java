package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.aggregator.ledger.HistoryPrunedException;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.routing.InstanceRouter;
import org.jointops.aggregator.routing.PeerOperations;
import org.jointops.aggregator.routing.RoutedRead;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportEntry;

import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the operations' ledgers from this instance's Kafka Streams state stores
 * ({@link LedgerStores}) through interactive queries, once the application has caught up
 * with the findings topics ({@link CatchUp}). A query of one operation reads only the
 * store partition that holds it, active or (when routed there) a standby replica
 * ({@link RoutedRead}): an instance that holds no copy of it fails (503), never answers
 * it as if it had no reports. The list of operations is this instance's and every other
 * instance's ({@link PeerOperations}).
 */
@Component
class StreamsLedgerStore implements LedgerStore {

	private final InstanceRouter router;

	private final PeerOperations peers;

	private final LedgerReader local;

	private final CatchUp catchUp;

	StreamsLedgerStore(KafkaStreamsInteractiveQueryService queries, InstanceRouter router, PeerOperations peers,
			CatchUp catchUp) {
		this.router = router;
		this.peers = peers;
		this.catchUp = catchUp;
		this.local = new LedgerReader(
				() -> queries.retrieveQueryableStore(LedgerStores.LEDGER, QueryableStoreTypes.keyValueStore()));
	}

	@Override
	public Optional<OperationLedger> ledger(String operation) {
		return read(operation, (reader) -> reader.ledger(operation));
	}

	@Override
	public List<OperationState> operations() {
		List<OperationState> here = read(() -> {
			this.router.checkHeldPartitionsConfirmed();
			return this.local.operations();
		});
		List<OperationState> elsewhere = this.peers.operations();
		if (elsewhere.isEmpty()) {
			return here;
		}
		// during a rebalance two instances may both list an operation: the later version
		Map<String, OperationState> all = new LinkedHashMap<>();
		for (OperationState state : here) {
			all.put(state.getOperation(), state);
		}
		for (OperationState state : elsewhere) {
			all.merge(state.getOperation(), state,
					(one, other) -> (one.getVersion() >= other.getVersion()) ? one : other);
		}
		return new ArrayList<>(all.values());
	}

	@Override
	public OperationLedger ledgerAsOf(String operation, Instant asOf) {
		return read(operation, (reader) -> reader.ledgerAsOf(operation, asOf));
	}

	@Override
	public List<ReportEntry> reports(String operation, Instant asOf) {
		return read(operation, (reader) -> reader.reports(operation, asOf));
	}

	@Override
	public Map<ActivityKey, Activity> activity(String operation) {
		return read(operation, (reader) -> reader.activity(operation));
	}

	private <T> T read(String operation, Function<LedgerReader, T> read) {
		return read(() -> {
			RoutedRead routed = RoutedRead.current().orElseGet(() -> this.router.readHere(operation));
			LedgerReader reader = new LedgerReader(() -> this.router.store(routed));
			if (routed.standby() && reader.operation(operation).isEmpty()) {
				// a replica still restoring (a new standby) would answer empty totals
				throw new TotalsUnavailableException("The replica of these totals on this aggregator instance has not "
						+ "restored them yet (" + routed.lag() + " records behind); retry shortly", null);
			}
			return read.apply(reader);
		});
	}

	private <T> T read(Supplier<T> read) {
		// while the stores are rebuilt they hold partial totals, which are never answered
		this.catchUp.lag().ifPresent((lag) -> {
			throw new CatchingUpException(lag);
		});
		try {
			return read.get();
		}
		catch (HistoryPrunedException ex) {
			throw new HistoryUnavailableException(ex.getMessage());
		}
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw new TotalsUnavailableException(
					"The totals are being restored or rebalanced and cannot be read right now; retry shortly", ex);
		}
	}

}
