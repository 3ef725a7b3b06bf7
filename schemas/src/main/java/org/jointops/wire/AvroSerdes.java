package org.jointops.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

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
		return TypedSerde.of(type, new AvroSingleObjectSerializer(), new AvroSingleObjectDeserializer());
	}

}
