package org.jointops.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Avro specification's single-object encoding: the
 * marker {@code C3 01}, the 8-byte fingerprint of the writer's schema, then the binary
 * encoding. No registry is needed: readers find the schema in {@link SchemaHistory}.
 */
public class AvroSingleObjectSerializer implements Serializer<Object> {

	private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (!(data instanceof SpecificRecord record)) {
			throw new SerializationException("Not a generated Avro record: " + data.getClass().getName());
		}
		BinaryMessageEncoder<SpecificRecord> encoder = this.encoders.computeIfAbsent(record.getSchema(),
				(schema) -> new BinaryMessageEncoder<>(SpecificData.getForClass(record.getClass()), schema));
		try {
			ByteBuffer buffer = encoder.encode(record);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("Cannot encode " + record.getSchema().getFullName() + " for topic " + topic
					+ ": " + ex.getMessage(), ex);
		}
	}

}
