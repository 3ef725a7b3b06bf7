package org.jointops.aggregator.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.jointops.aggregator.health.CatchUp;
import org.jointops.aggregator.ledger.ActivityKey;
import org.jointops.aggregator.ledger.HistoryPrunedException;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.ledger.Activity;
import org.jointops.ledger.OperationLedger;
import org.jointops.ledger.OperationState;
import org.jointops.ledger.ReportEntry;

import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the operations' ledgers from this instance's Kafka Streams state stores
 * ({@link LedgerStores}) through interactive queries, once the application has caught up
 * with the findings topics ({@link CatchUp}). With several instances, an operation whose
 * ledger another instance holds is not answered here as if it had no reports.
 */
@Component
class StreamsLedgerStore implements LedgerStore {

	private final KafkaStreamsInteractiveQueryService queries;

	private final LedgerReader reader;

	private final CatchUp catchUp;

	StreamsLedgerStore(KafkaStreamsInteractiveQueryService queries, CatchUp catchUp) {
		this.queries = queries;
		this.catchUp = catchUp;
		this.reader = new LedgerReader(
				() -> queries.retrieveQueryableStore(LedgerStores.LEDGER, QueryableStoreTypes.keyValueStore()));
	}

	@Override
	public Optional<OperationLedger> ledger(String operation) {
		return read(() -> {
			Optional<OperationLedger> ledger = this.reader.ledger(operation);
			if (ledger.isEmpty()) {
				checkHeldHere(operation);
			}
			return ledger;
		});
	}

	@Override
	public List<OperationState> operations() {
		return read(this.reader::operations);
	}

	@Override
	public OperationLedger ledgerAsOf(String operation, Instant asOf) {
		return read(() -> {
			checkHeldHere(operation);
			return this.reader.ledgerAsOf(operation, asOf);
		});
	}

	@Override
	public List<ReportEntry> reports(String operation, Instant asOf) {
		return read(() -> {
			checkHeldHere(operation);
			return this.reader.reports(operation, asOf);
		});
	}

	@Override
	public Map<ActivityKey, Activity> activity(String operation) {
		return read(() -> {
			checkHeldHere(operation);
			return this.reader.activity(operation);
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

	private void checkHeldHere(String operation) {
		HostInfo self = this.queries.getCurrentKafkaStreamsApplicationHostInfo();
		if (self == null) {
			return; // application.server not set: a single instance holds everything
		}
		HostInfo holder = this.queries.getKafkaStreamsApplicationHostInfo(LedgerStores.LEDGER, operation,
				new StringSerializer());
		if (holder != null && !holder.equals(self)) {
			throw new TotalsUnavailableException(
					"The totals of " + operation + " are held by the aggregator instance at " + holder.host() + ":"
							+ holder.port() + "; ask it there",
					null);
		}
	}

}
