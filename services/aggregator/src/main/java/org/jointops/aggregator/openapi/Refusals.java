package org.jointops.aggregator.openapi;

/**
 * What the aggregator's refusals mean, as the API description gives them for each
 * operation that can answer them (each is problem details).
 */
public final class Refusals {

	/** 400 of a filter. */
	public static final String INVALID_FILTER = "A code the catalogue does not know (`state`, `agency`, `category` "
			+ "of the operation), a stage the operation does not have or that is not a number, or an `asOf` that is "
			+ "not an instant (`urn:jointops:problem:invalid-query`; `errors` names each)";

	/** 404 of an operation. */
	public static final String UNKNOWN_OPERATION = "Neither the catalogue nor any report names the operation "
			+ "(`urn:jointops:problem:unknown-operation`)";

	/** 409 of an answer that needs the operation's history. */
	public static final String NO_HISTORY = "The operation was counted by an aggregator of an earlier release, "
			+ "which kept no history: the answer would leave reports out (`urn:jointops:problem:history-unavailable`). "
			+ "Its current totals still answer.";

	/** 503 of the stores. */
	public static final String STORES_UNAVAILABLE = "No instance can answer right now: Kafka Streams is restoring or "
			+ "rebalancing, the instance that holds the operation did not answer and no standby replica did, or the "
			+ "group coordinator has not confirmed lately that the instance asked still holds it (`detail` says "
			+ "which): ask again after `Retry-After` seconds (`urn:jointops:problem:totals-unavailable`)";

	/** 403 of a change to the catalogue. */
	public static final String NOT_SECRETARIAT = "Only the secretariat changes the catalogue";

	/** 409 of a change to the catalogue. */
	public static final String CHANGE_CONFLICT = "Another aggregator instance wrote the same catalogue version first "
			+ "(`urn:jointops:problem:catalogue-change-conflict`): make the change again";

	/** 412 of a change to the catalogue. */
	public static final String VERSION_MISMATCH = "The catalogue is no longer at the version `If-Match` names, or "
			+ "`If-Match` names no version (`urn:jointops:problem:catalogue-version-mismatch`, with "
			+ "`currentVersion`, also as `ETag`)";

	/** 503 of a change to the catalogue. */
	public static final String CATALOGUE_UNAVAILABLE = "Kafka did not answer in time: nothing was written, unless "
			+ "`detail` says the version was written and is not applied yet; ask again after `Retry-After` seconds "
			+ "(`urn:jointops:problem:catalogue-unavailable`)";

	/** 415 of a change to the catalogue. */
	public static final String NOT_JSON = "The body is not `application/json`";

	private Refusals() {
	}

}
