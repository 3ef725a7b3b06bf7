package org.jointops.aggregator.ledger;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where a {@link LedgerReader} finds the ledger store ({@value LedgerStores#LEDGER}): a
 * processor's own, Kafka Streams' interactive queries (asked again for every read, as the
 * store may move), or a test driver's.
 */
@FunctionalInterface
public interface StoreSource {

	/**
	 * The ledger store.
	 * @return the store
	 */
	ReadOnlyKeyValueStore<Bytes, byte[]> ledger();

}
