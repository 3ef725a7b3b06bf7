package org.jointops.aggregator.ledger;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where a {@link LedgerReader} finds the stores of {@link LedgerStores}: a processor's
 * own stores, Kafka Streams' interactive queries, or a test driver's.
 */
public interface StoreSource {

	/**
	 * A store by name.
	 * @param <K> its key type
	 * @param <V> its value type
	 * @param name one of {@link LedgerStores}' names
	 * @return the store
	 */
	<K, V> ReadOnlyKeyValueStore<K, V> store(String name);

}
