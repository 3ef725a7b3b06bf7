package org.jointops.aggregator.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers the aggregator adds to a record it sends to the dead-letter topic. The record
 * keeps its original key, value and headers; all values below are UTF-8 text.
 */
public final class DeadLetterHeaders {

	/** Why the record was not used, in words. */
	public static final String REASON = "dead-letter.reason";

	/** What kind of problem: one of {@link Kind}. */
	public static final String KIND = "dead-letter.kind";

	/** Exception class, when an exception was the cause. */
	public static final String EXCEPTION = "dead-letter.exception";

	/** Topic the record was read from. */
	public static final String SOURCE_TOPIC = "dead-letter.source-topic";

	/** Partition it was read from. */
	public static final String SOURCE_PARTITION = "dead-letter.source-partition";

	/** Offset it was read from. */
	public static final String SOURCE_OFFSET = "dead-letter.source-offset";

	/**
	 * Only when the value is not in the findings topics' wire format: how it is encoded
	 * ({@code avro-single-object} for a {@code NOT_THE_OWNER} dead letter the configured
	 * serializer could not encode, e.g. a Schema Registry that refuses the aggregator's
	 * writes).
	 */
	public static final String VALUE_ENCODING = "dead-letter.value-encoding";

	private DeadLetterHeaders() {
	}

	/**
	 * The headers of a dead letter: the record's own, then the reason, the kind, the
	 * exception (if any) and the source (if known).
	 * @param original the record's headers
	 * @param kind what kind of problem
	 * @param reason why, in words
	 * @param cause the exception that was the cause, or null
	 * @param source where the record was read from, or null if that is not known
	 * @return new headers
	 */
	static Headers of(Headers original, Kind kind, String reason, Exception cause, Provenance source) {
		Headers headers = new RecordHeaders(original.toArray());
		add(headers, REASON, reason);
		add(headers, KIND, kind.name());
		if (cause != null) {
			add(headers, EXCEPTION, cause.getClass().getName());
		}
		if (source != null) {
			add(headers, SOURCE_TOPIC, source.topic());
			add(headers, SOURCE_PARTITION, String.valueOf(source.partition()));
			add(headers, SOURCE_OFFSET, String.valueOf(source.offset()));
		}
		return headers;
	}

	private static void add(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** Kinds of dead letter. */
	public enum Kind {

		/** The value is not a readable report revision. */
		UNDECODABLE,

		/** The key is missing, not UTF-8, or not the report's id. */
		BAD_KEY,

		/** The report names another state than its topic's. */
		WRONG_STATE,

		/** The report breaks a catalogue rule. */
		BREAKS_RULES,

		/**
		 * The revision (or withdrawal) is another agency's than the report's owner, the
		 * agency of the first revision of the report the aggregator counted: only the
		 * owner may revise or withdraw a report.
		 */
		NOT_THE_OWNER

	}

}
