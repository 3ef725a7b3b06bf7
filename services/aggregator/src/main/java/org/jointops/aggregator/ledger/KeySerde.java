package org.jointops.aggregator.ledger;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.jointops.wire.StrictUtf8;

/**
 * The serde of a key record that encodes itself as text: UTF-8 on the wire and in the
 * stores, so that a record's prefix of text is a prefix of bytes (prefix scans) and the
 * stores' byte order follows the text's.
 */
final class KeySerde {

	private KeySerde() {
	}

	/**
	 * A serde of key records.
	 * @param <K> the key type
	 * @param encode the key's text
	 * @param decode the key from its text
	 * @return the serde
	 */
	static <K> Serde<K> of(Function<K, String> encode, Function<String, K> decode) {
		return Serdes.serdeFrom(
				(topic, key) -> (key != null) ? encode.apply(key).getBytes(StandardCharsets.UTF_8) : null,
				(topic, bytes) -> (bytes != null)
						? decode.apply(StrictUtf8.decode(bytes)
							.orElseThrow(() -> new SerializationException("A key of " + topic + " is not UTF-8")))
						: null);
	}

}
