package org.jointops.wire;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serdes;

/**
 * Names of the topics that make up the wire contract between the services.
 */
public final class Topics {

	/**
	 * Prefix of the per-state findings topics: {@code findings.kaz},
	 * {@code findings.rus}...
	 */
	public static final String FINDINGS_PREFIX = "findings.";

	/**
	 * Every per-state findings topic: the prefix and a lower-case ISO 3166-1 alpha-3
	 * code. The aggregator subscribes by pattern, so the topic of a state that joins
	 * later is picked up without a restart, and a state that leaves keeps its data
	 * readable.
	 */
	public static final Pattern FINDINGS_PATTERN = Pattern.compile("findings\\.([a-z]{3})");

	/**
	 * Prefix of the per-state owners topics: {@code owners.kaz}, {@code owners.rus}...
	 */
	public static final String OWNERS_PREFIX = "owners.";

	/**
	 * The key of the record on an owners topic that says the topic is complete: every
	 * report of the state's findings topic has its owner there (written once, by the
	 * producer service that first filled the topic from the findings topic). It starts
	 * with a character no report id starts with.
	 */
	public static final String OWNERS_COMPLETE = "#complete";

	/**
	 * The prefix of the keys of report marks on an owners topic:
	 * {@code #mark/<reportId>/<revision>/<state>}, value
	 * {@code <state> <revision> <instant> <operation> <stage>}, where the state is
	 * {@code WITHDRAWN} when a withdrawal of the report was accepted, {@code BACK} when a
	 * higher revision brought it back, {@code STANDS} when a revision put it in the
	 * operation and stage it names (its first, or one that moved it); one key per
	 * revision and state, so a key always keeps its meaning. Written by the producer
	 * service so that every instance can say why a revision would not count and refuse
	 * one that would move figures out of a locked stage; no report id contains {@code #}
	 * or {@code /}. Best effort: what counts is decided by the aggregator alone.
	 */
	public static final String OWNERS_MARK_PREFIX = "#mark/";

	/**
	 * The prefix of the keys of the withdrawal marks the release before
	 * {@link #OWNERS_MARK_PREFIX} wrote: {@code #withdrawn/<reportId>/<revision>}, value
	 * {@code WITHDRAWN <revision> <instant>} or {@code BACK <revision> <instant>}; still
	 * read.
	 */
	public static final String OWNERS_WITHDRAWN_PREFIX = "#withdrawn/";

	/** Council-level totals, one record per operation, compacted. */
	public static final String COUNCIL_TOTALS = "council.totals";

	/** Records the aggregator could not use, with the reason in headers. */
	public static final String DEAD_LETTER = "aggregator.dead-letter";

	/**
	 * The catalogue's versions: one partition, compacted, every record under one key
	 * ({@code catalogue}), the latest is the catalogue every service validates against.
	 * Written by the aggregator's admin API, read by every service without a consumer
	 * group.
	 */
	public static final String CATALOGUE = "catalogue.changes";

	/**
	 * The council's register of each operation (exchange rates, submission statuses,
	 * publications): one partition, compacted, a key of its own per record, the highest
	 * version per operation applies. Written by the aggregator, read by every service
	 * without a consumer group (the producers refuse revisions of locked stages).
	 */
	public static final String REGISTER = "council.register";

	/**
	 * The published snapshots of operations' figures: one partition, compacted, one
	 * record per snapshot, never changed. Written and read by the aggregator.
	 */
	public static final String PUBLICATIONS = "council.publications";

	private Topics() {
	}

	/**
	 * The register topic with its serdes: the key names operation and version, the value
	 * is a {@link org.jointops.register.RegisterDocument} in JSON.
	 * @return the topic {@value #REGISTER}
	 */
	public static Topic<String, String> register() {
		return new Topic<>(REGISTER, Serdes.String(), Serdes.String());
	}

	/**
	 * The publications topic with its serdes: the key is the snapshot key, the value an
	 * Avro single-object encoded {@link org.jointops.totals.PublishedFigures}.
	 * @return the topic {@value #PUBLICATIONS}
	 */
	public static Topic<String, org.jointops.totals.PublishedFigures> publications() {
		return new Topic<>(PUBLICATIONS, Serdes.String(), AvroSerdes.of(org.jointops.totals.PublishedFigures.class));
	}

	/**
	 * The catalogue topic with its serdes: the key names the version, the value is a
	 * {@link org.jointops.catalogue.CatalogueDocument} in JSON.
	 * @return the topic {@value #CATALOGUE}
	 */
	public static Topic<String, String> catalogue() {
		return new Topic<>(CATALOGUE, Serdes.String(), Serdes.String());
	}

	/**
	 * The dead-letter topic with its serdes: each record's original key and value, as
	 * they were read.
	 * @return the topic {@value #DEAD_LETTER}
	 */
	public static Topic<byte[], byte[]> deadLetters() {
		return new Topic<>(DEAD_LETTER, Serdes.ByteArray(), Serdes.ByteArray());
	}

	/**
	 * The findings topic of a member state.
	 * @param state the ISO 3166-1 alpha-3 code, e.g. {@code KAZ}
	 * @return e.g. {@code findings.kaz}
	 */
	public static String findings(String state) {
		String topic = FINDINGS_PREFIX + state.toLowerCase(Locale.ROOT);
		if (!FINDINGS_PATTERN.matcher(topic).matches()) {
			throw new IllegalArgumentException("Not an ISO 3166-1 alpha-3 state code: '" + state + "'");
		}
		return topic;
	}

	/**
	 * The owners topic of a member state: compacted, key a report id, value the code of
	 * the agency that first sent the report, which alone may revise or withdraw it.
	 * Written and read by that state's producer service only. The first record of a
	 * report id in its partition names its owner; a later record that names another
	 * agency (two producer instances took the same new report id at once) is followed by
	 * the first one written again, so that compaction, which keeps the last record of a
	 * key, keeps the owner. The record under {@link #OWNERS_COMPLETE} names no owner, nor
	 * do the report marks under {@link #OWNERS_MARK_PREFIX} and
	 * {@link #OWNERS_WITHDRAWN_PREFIX}.
	 * @param state the ISO 3166-1 alpha-3 code, e.g. {@code KAZ}
	 * @return the topic, e.g. {@code owners.kaz}
	 */
	public static Topic<String, String> owners(String state) {
		// the same check as the findings topic's name
		findings(state);
		return new Topic<>(OWNERS_PREFIX + state.toLowerCase(Locale.ROOT), Serdes.String(), Serdes.String());
	}

	/**
	 * The member state whose findings a topic carries.
	 * @param topic e.g. {@code findings.kaz}
	 * @return e.g. {@code KAZ}
	 * @throws IllegalArgumentException if the topic is not a findings topic
	 */
	public static String stateOf(String topic) {
		Matcher matcher = FINDINGS_PATTERN.matcher(topic);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a findings topic: '" + topic + "'");
		}
		return matcher.group(1).toUpperCase(Locale.ROOT);
	}

}
