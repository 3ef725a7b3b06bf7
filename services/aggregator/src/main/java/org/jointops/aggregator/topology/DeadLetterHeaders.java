package org.jointops.aggregator.topology;

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

	private DeadLetterHeaders() {
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
		BREAKS_RULES

	}

}
