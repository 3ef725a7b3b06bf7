package org.jointops.aggregator.topology;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.ledger.ReportKey;
import org.jointops.ledger.ReportChange;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.totals.CouncilTotals;
import org.jointops.wire.AvroSerdes;
import org.jointops.wire.Topic;
import org.jointops.wire.Topics;

/**
 * The aggregator's topology: findings of every state, decoded and checked (what fails
 * goes to the dead-letter topic), reduced to the standing revision of each report (a
 * revision of another agency than the report's owner goes to the dead-letter topic), and
 * applied slot by slot to each operation's ledger, whose council totals are written to
 * {@value Topics#COUNCIL_TOTALS}. Every processor, store and internal topic is named here
 * and in {@link LedgerStores}; the query layer uses the same names and key types.
 *
 * <pre>
 * findings.* ─ decode-and-check ─┬─ dead letters ─────────────────────────▶ aggregator.dead-letter
 *                                └─ key-by-report ─▶ repartition reports-by-id (key ReportKey)
 *                                     latest-revision [report-revisions]
 *                                     ├─ another agency's than the owner's ──▶ aggregator.dead-letter
 *                                     │ change of contribution, keyed by operation
 *                                     ▼ repartition changes-by-operation
 *                                  ledger [ledger: slots, council lines, change log, checkpoints,
 *                                          reports, report history, activity]
 *                                     ─ at most once per commit interval ─▶ council.totals
 * </pre>
 *
 * Reports are re-keyed by {@link ReportKey} through an internal topic with a fixed number
 * of partitions, so every revision of a report meets its predecessors in one task however
 * the findings topics are partitioned, and even if partitions are added to them later.
 */
public final class CouncilTotalsTopology {

	/** Repartition topic (suffix) that brings all revisions of one report together. */
	public static final String REPORTS_BY_ID = "reports-by-id";

	/** Repartition topic (suffix) that brings all changes of one operation together. */
	public static final String CHANGES_BY_OPERATION = "changes-by-operation";

	private static final String DECODED = "decoded-";

	private static final String VALID = "valid";

	private static final String DEAD_LETTER = "dead-letter";

	private static final String REVISED = "revised-";

	private static final String CHANGE = "change";

	private static final String NOT_THE_OWNER = "not-the-owner";

	private CouncilTotalsTopology() {
	}

	/**
	 * Adds the topology to a builder.
	 * @param builder the builder
	 * @param catalogue the current catalogue: every counted report follows its rules
	 * @param catchUp how long a record that breaks the rules waits for catalogue versions
	 * written before it was checked (a producer may have accepted it against a version
	 * this instance has not read yet) before it becomes a dead letter
	 * @param reportRevisions the findings topics' values in the wire format (the topics
	 * are followed by pattern, {@link Topics#FINDINGS_PATTERN})
	 * @param councilTotals the topic the totals are written to, in the wire format
	 * @param partitions partitions of the internal topics; never change it once the
	 * aggregator has run, its stores are partitioned the same way
	 * @param history how the history of an operation is kept
	 * @return the stream of council totals, as written to {@code councilTotals}
	 */
	public static KStream<String, CouncilTotals> build(StreamsBuilder builder, CurrentCatalogue catalogue,
			Duration catchUp, Serde<ReportRevision> reportRevisions, Topic<String, CouncilTotals> councilTotals,
			int partitions, HistoryProperties history) {
		LedgerStores.addRevisionStore(builder);
		LedgerStores.addLedgerStore(builder);

		Map<String, KStream<byte[], Decoded>> decoded = builder
			.stream(Topics.FINDINGS_PATTERN, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("findings"))
			.processValues(() -> new DecodeAndCheck(catalogue, catchUp, reportRevisions.deserializer()),
					Named.as("decode-and-check"))
			.split(Named.as(DECODED))
			.branch((key, value) -> value.isValid(), Branched.as(VALID))
			.defaultBranch(Branched.as(DEAD_LETTER));

		Topic<byte[], byte[]> deadLetters = Topics.deadLetters();
		decoded.get(DECODED + DEAD_LETTER)
			.mapValues(Decoded::original, Named.as("original-value"))
			.to(deadLetters.name(),
					Produced.with(deadLetters.keySerde(), deadLetters.valueSerde()).withName("dead-letters"));

		Map<String, KStream<String, Revised>> revised = decoded.get(DECODED + VALID)
			.map((key, value) -> KeyValue.pair(ReportKey.of(value.report()), value.report()), Named.as("key-by-report"))
			.repartition(Repartitioned.<ReportKey, ReportRevision>as(REPORTS_BY_ID)
				.withKeySerde(ReportKey.SERDE)
				.withValueSerde(AvroSerdes.of(ReportRevision.class))
				.withNumberOfPartitions(partitions))
			.process(() -> new LatestRevision(reportRevisions.serializer()), Named.as("latest-revision"),
					LedgerStores.REVISIONS)
			.split(Named.as(REVISED))
			.branch((key, value) -> value.isChange(), Branched.as(CHANGE))
			.defaultBranch(Branched.as(NOT_THE_OWNER));

		revised.get(REVISED + NOT_THE_OWNER)
			.mapValues(Revised::deadLetter, Named.as("refused-value"))
			.to(deadLetters.name(),
					Produced.with(Serdes.String(), deadLetters.valueSerde()).withName("not-the-owner-dead-letters"));

		KStream<String, CouncilTotals> totals = revised.get(REVISED + CHANGE)
			.mapValues(Revised::change, Named.as("change-of-contribution"))
			.repartition(Repartitioned.<String, ReportChange>as(CHANGES_BY_OPERATION)
				.withKeySerde(Serdes.String())
				.withValueSerde(AvroSerdes.of(ReportChange.class))
				.withNumberOfPartitions(partitions))
			.process(() -> new LedgerUpdate(catalogue, history), Named.as("ledger"), LedgerStores.LEDGER);
		totals.to(councilTotals.name(),
				Produced.with(councilTotals.keySerde(), councilTotals.valueSerde()).withName("council-totals"));
		return totals;
	}

}
