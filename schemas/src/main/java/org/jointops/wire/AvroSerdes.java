package org.jointops.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes of generated Avro records in single-object encoding, for internal topics and
 * state stores, which never go through a schema registry.
 */
public final class AvroSerdes {

	private AvroSerdes() {
	}

	/**
	 * A serde of one generated record type.
	 * @param <T> the record type
	 * @param type its class
	 * @return a serde that fails on records of another type
	 */
	public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
		Serializer<Object> serializer = new AvroSingleObjectSerializer();
		Deserializer<Object> deserializer = new AvroSingleObjectDeserializer();
		return Serdes.serdeFrom(serializer::serialize, (topic, bytes) -> {
			Object value = deserializer.deserialize(topic, bytes);
			if (value != null && !type.isInstance(value)) {
				throw new SerializationException(
						"Expected " + type.getName() + " on " + topic + " but found " + value.getClass().getName());
			}
			return type.cast(value);
		});
	}

}
