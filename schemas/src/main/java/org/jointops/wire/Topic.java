package org.jointops.wire;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic with the serdes of its keys and values: what a producer, a consumer or a
 * topology needs to use it, travelling together so that a topic is never read with
 * another topic's serde.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param name the topic's name
 * @param keySerde its keys' serde
 * @param valueSerde its values' serde
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

	/**
	 * The serializer of the topic's keys.
	 * @return the key serializer
	 */
	public Serializer<K> keySerializer() {
		return this.keySerde.serializer();
	}

	/**
	 * The serializer of the topic's values.
	 * @return the value serializer
	 */
	public Serializer<V> valueSerializer() {
		return this.valueSerde.serializer();
	}

	/**
	 * The deserializer of the topic's keys.
	 * @return the key deserializer
	 */
	public Deserializer<K> keyDeserializer() {
		return this.keySerde.deserializer();
	}

	/**
	 * The deserializer of the topic's values.
	 * @return the value deserializer
	 */
	public Deserializer<V> valueDeserializer() {
		return this.valueSerde.deserializer();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
