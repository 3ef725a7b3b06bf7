package org.jointops.aggregator.ledger;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One kind of entry of the ledger store ({@value LedgerStores#LEDGER}), with its key and
 * value types: its keys are the kind's letter, a slash, and the key's own text, so each
 * kind is one prefix of the store and keeps its keys' order. One store for every kind
 * means one RocksDB instance and one changelog to flush and commit, whatever the number
 * of kinds.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LedgerTable<K, V> {

	private final String kind;

	private final Serde<K> keys;

	private final Serde<V> values;

	LedgerTable(char kind, Serde<K> keys, Serde<V> values) {
		this.kind = kind + String.valueOf(Keys.SEPARATOR);
		this.keys = keys;
		this.values = values;
	}

	/**
	 * An entry.
	 * @param store the ledger store
	 * @param key its key
	 * @return its value, or null
	 */
	public V get(ReadOnlyKeyValueStore<Bytes, byte[]> store, K key) {
		return value(store.get(bytes(key)));
	}

	/**
	 * Writes an entry, or deletes it.
	 * @param store the ledger store
	 * @param key its key
	 * @param value its value, or null to delete it
	 */
	public void put(KeyValueStore<Bytes, byte[]> store, K key, V value) {
		store.put(bytes(key), (value != null) ? this.values.serializer().serialize(null, value) : null);
	}

	/**
	 * The entries whose keys start with the given text, in key order.
	 * @param store the ledger store
	 * @param prefix a prefix made by {@link LedgerStores#prefix}
	 * @return the entries; close it
	 */
	public KeyValueIterator<K, V> prefixScan(ReadOnlyKeyValueStore<Bytes, byte[]> store, String prefix) {
		return typed(store.prefixScan(this.kind + prefix, LedgerStores.prefixSerializer()));
	}

	/**
	 * The entries from one key to another, both included, in key order.
	 * @param store the ledger store
	 * @param from the first key
	 * @param to the last key
	 * @return the entries; close it
	 */
	public KeyValueIterator<K, V> range(ReadOnlyKeyValueStore<Bytes, byte[]> store, K from, K to) {
		return typed(store.range(bytes(from), bytes(to)));
	}

	/**
	 * The entries from one key to another, both included, in reverse key order.
	 * @param store the ledger store
	 * @param from the first key
	 * @param to the last key
	 * @return the entries, the last key first; close it
	 */
	public KeyValueIterator<K, V> reverseRange(ReadOnlyKeyValueStore<Bytes, byte[]> store, K from, K to) {
		return typed(store.reverseRange(bytes(from), bytes(to)));
	}

	/**
	 * Every entry of this kind.
	 * @param store the ledger store
	 * @return the entries; close it
	 */
	public KeyValueIterator<K, V> all(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
		return prefixScan(store, "");
	}

	private Bytes bytes(K key) {
		byte[] text = this.keys.serializer().serialize(null, key);
		byte[] kind = this.kind.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[kind.length + text.length];
		System.arraycopy(kind, 0, bytes, 0, kind.length);
		System.arraycopy(text, 0, bytes, kind.length, text.length);
		return Bytes.wrap(bytes);
	}

	private K key(Bytes bytes) {
		byte[] all = bytes.get();
		byte[] text = new byte[all.length - this.kind.length()];
		System.arraycopy(all, this.kind.length(), text, 0, text.length);
		return this.keys.deserializer().deserialize(null, text);
	}

	private V value(byte[] bytes) {
		return (bytes != null) ? this.values.deserializer().deserialize(null, bytes) : null;
	}

	private KeyValueIterator<K, V> typed(KeyValueIterator<Bytes, byte[]> entries) {
		return new KeyValueIterator<>() {

			@Override
			public boolean hasNext() {
				return entries.hasNext();
			}

			@Override
			public KeyValue<K, V> next() {
				KeyValue<Bytes, byte[]> entry = entries.next();
				return KeyValue.pair(key(entry.key), value(entry.value));
			}

			@Override
			public K peekNextKey() {
				return key(entries.peekNextKey());
			}

			@Override
			public void close() {
				entries.close();
			}

		};
	}

}
