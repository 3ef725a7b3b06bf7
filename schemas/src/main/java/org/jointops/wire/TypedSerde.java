package org.jointops.wire;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde of one record type made from a serializer and a deserializer that handle any
 * Avro record (the wire format's, which may be Confluent's): a value of another type
 * fails to decode with a {@link SerializationException}, so that no caller ever inspects
 * a decoded {@code Object}.
 */
public final class TypedSerde {

	private TypedSerde() {
	}

	/**
	 * A typed serde.
	 * @param <T> the record type
	 * @param type its class
	 * @param serializer writes any record
	 * @param deserializer reads any record
	 * @return a serde of {@code type} only
	 */
	public static <T> Serde<T> of(Class<T> type, Serializer<Object> serializer, Deserializer<Object> deserializer) {
		return new Serde<>() {

			@Override
			public Serializer<T> serializer() {
				return new Serializer<>() {

					@Override
					public byte[] serialize(String topic, T data) {
						return serializer.serialize(topic, data);
					}

					@Override
					public byte[] serialize(String topic, Headers headers, T data) {
						return serializer.serialize(topic, headers, data);
					}

				};
			}

			@Override
			public Deserializer<T> deserializer() {
				return new Deserializer<>() {

					@Override
					public T deserialize(String topic, byte[] data) {
						return checked(topic, deserializer.deserialize(topic, data));
					}

					@Override
					public T deserialize(String topic, Headers headers, byte[] data) {
						return checked(topic, deserializer.deserialize(topic, headers, data));
					}

				};
			}

			private T checked(String topic, Object value) {
				if (value != null && !type.isInstance(value)) {
					throw new SerializationException(
							"Expected " + type.getName() + " on " + topic + " but found " + value.getClass().getName());
				}
				return type.cast(value);
			}

		};
	}

}
