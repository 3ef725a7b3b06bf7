package org.jointops.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Avro single-object encoding written by {@link AvroSingleObjectSerializer}
 * with any released version of a jointops schema, and resolves it to the generated class
 * compiled into this jar (the reader's schema). Every failure is a
 * {@link SerializationException} whose message says what is wrong with the bytes; it is
 * always the record's fault, so no exception among its causes says otherwise (an
 * {@link IOException} would say that reading the record again may succeed).
 */
public class AvroSingleObjectDeserializer implements Deserializer<Object> {

	private static final byte[] MARKER = { (byte) 0xC3, (byte) 0x01 };

	private static final int HEADER_LENGTH = MARKER.length + Long.BYTES;

	private final SchemaHistory history;

	private final Map<String, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

	/** Reads with the history bundled in this jar. */
	public AvroSingleObjectDeserializer() {
		this(SchemaHistory.bundled());
	}

	public AvroSingleObjectDeserializer(SchemaHistory history) {
		this.history = history;
	}

	@Override
	public Object deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (data.length < HEADER_LENGTH || data[0] != MARKER[0] || data[1] != MARKER[1]) {
			throw new SerializationException("Not Avro single-object encoding: expected the marker C3 01 and an "
					+ "8-byte schema fingerprint, found " + preview(data));
		}
		long fingerprint = ByteBuffer.wrap(data, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
		Schema writer = this.history.findByFingerprint(fingerprint);
		if (writer == null) {
			throw new SerializationException("Unknown schema fingerprint " + HexFormat.of().toHexDigits(fingerprint)
					+ ": not a released version of any jointops schema");
		}
		BinaryMessageDecoder<SpecificRecord> decoder = this.decoders.computeIfAbsent(writer.getFullName(),
				this::decoderFor);
		try {
			return decoder.decode(data);
		}
		catch (IOException | RuntimeException ex) {
			// the decoder's failure is kept as suppressed, not as the cause: decoding
			// bytes
			// in memory never fails for input/output, and an IOException among the causes
			// (the decoder's EOFException on a body that ends short) would say the record
			// may succeed if read again
			SerializationException corrupt = new SerializationException("Corrupt " + writer.getFullName() + " body ("
					+ data.length + " bytes): " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause() + ")" : ""));
			corrupt.addSuppressed(ex);
			throw corrupt;
		}
	}

	private BinaryMessageDecoder<SpecificRecord> decoderFor(String fullName) {
		SpecificData model = new SpecificData();
		Class<?> type = model.getClass(this.history.versions(fullName).get(0));
		if (type == null) {
			throw new SerializationException("No generated class for " + fullName);
		}
		SpecificData typeModel = SpecificData.getForClass(type);
		Schema reader = typeModel.getSchema(type);
		return new BinaryMessageDecoder<>(typeModel, reader, this.history);
	}

	private static String preview(byte[] data) {
		int shown = Math.min(data.length, HEADER_LENGTH);
		return data.length + " bytes starting " + HexFormat.ofDelimiter(" ").formatHex(data, 0, shown).toUpperCase();
	}

}
