package org.jointops.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding: malformed or unmappable input is an answer (empty), never
 * replaced by U+FFFD. What a client or a record sends is either valid UTF-8 or refused.
 */
public final class StrictUtf8 {

	private StrictUtf8() {
	}

	/**
	 * Decodes bytes that must be valid UTF-8.
	 * @param bytes the bytes, may be null
	 * @return the text, empty if the bytes are null or not valid UTF-8
	 */
	public static Optional<String> decode(byte[] bytes) {
		if (bytes == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
