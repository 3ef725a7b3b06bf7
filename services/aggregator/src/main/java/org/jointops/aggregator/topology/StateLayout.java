package org.jointops.aggregator.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jointops.aggregator.ledger.LedgerStores;

/**
 * The generation of the aggregator's state layout, and the Kafka Streams application id
 * that goes with it.
 * <p>
 * The application id names the consumer group (and so the committed offsets), the
 * internal topics (changelogs, repartition topics), the transactional ids and the local
 * state directory. The aggregator runs as {@code <base>-layout-<generation>}, where the
 * base is the configured {@code spring.kafka.streams.application-id}: a new generation is
 * a new application, which starts from the beginning of the findings topics (kept for
 * ever, the system of record) and rebuilds its stores from them, and never reads a store,
 * changelog or committed offset of another layout. A deployment that configured its own
 * base id gets its own id with the suffix, so no configuration can run this topology on
 * the previous layout's offsets; a base id that already ends with a layout suffix is
 * refused.
 * <p>
 * <strong>Rule: bump {@link #GENERATION} whenever the contents of the stores or internal
 * topics change incompatibly</strong> (a store added, removed or renamed, a key or value
 * read differently, a repartition keyed differently, a change in what an entry means). A
 * compatible change (a field added with a default that old entries read correctly) keeps
 * it. A new generation's internal topics are named in {@code INTERNAL_TOPICS} (a test
 * checks them against the topology), and the old generation's stay there. Each bump costs
 * every deployment one rebuild from the findings topics, during which the catch-up gate
 * answers 503.
 * <p>
 * Generations: 1, the bare base id: one {@code OperationLedger} per operation in store
 * {@code operation-totals}, its history in {@code operation-changes}. 2: the stores of
 * {@link LedgerStores}, one entry per slot.
 */
public final class StateLayout {

	/** The generation of the state layout this code reads and writes. */
	public static final int GENERATION = 2;

	private static final String SUFFIX = "-layout-";

	/**
	 * The internal topics of each generation, without the application id: one changelog
	 * per store, one topic per repartition. When the generation is bumped, this one's
	 * names stay here, so that an upgraded aggregator can name what is left of them.
	 */
	private static final Map<Integer, List<String>> INTERNAL_TOPICS = Map.of(1,
			List.of("report-revisions-changelog", "operation-totals-changelog", "operation-changes-changelog",
					"reports-by-id-repartition", "changes-by-operation-repartition"),
			2, List.of("report-revisions-changelog", "ledger-changelog", "reports-by-id-repartition",
					"changes-by-operation-repartition"));

	private static final Pattern WITH_SUFFIX = Pattern.compile(".*" + Pattern.quote(SUFFIX) + "\\d+");

	private StateLayout() {
	}

	/**
	 * The application id of this layout.
	 * @param base the configured application id
	 * @return {@code <base>-layout-<generation>}
	 * @throws IllegalArgumentException if the base already names a layout
	 */
	public static String applicationId(String base) {
		return applicationId(base, GENERATION);
	}

	/**
	 * The application ids the previous layouts ran as, oldest first.
	 * @param base the configured application id
	 * @return the bare base (generation 1), then {@code <base>-layout-<n>} for every
	 * generation before this one
	 */
	public static List<String> previousApplicationIds(String base) {
		List<String> ids = new ArrayList<>();
		for (int generation = 1; generation < GENERATION; generation++) {
			ids.add(applicationId(base, generation));
		}
		return ids;
	}

	/**
	 * The internal topics the previous layouts' applications made: what an operator may
	 * delete once satisfied with this layout's totals.
	 * @param base the configured application id
	 * @return their names, oldest layout first
	 */
	public static List<String> previousInternalTopics(String base) {
		List<String> topics = new ArrayList<>();
		for (int generation = 1; generation < GENERATION; generation++) {
			String applicationId = applicationId(base, generation);
			INTERNAL_TOPICS.get(generation).forEach((name) -> topics.add(applicationId + "-" + name));
		}
		return topics;
	}

	/**
	 * The internal topics of an application of this layout, as Kafka Streams names them
	 * after its stores and repartitions.
	 * @param applicationId the application id of this layout
	 * @return their names
	 */
	public static List<String> internalTopics(String applicationId) {
		return INTERNAL_TOPICS.get(GENERATION).stream().map((name) -> applicationId + "-" + name).toList();
	}

	/**
	 * The repartition topics of an application of this layout, in the order records flow
	 * through them: once the findings are consumed, a record has passed through every one
	 * of these before it is in the ledger.
	 * @param applicationId the application id of this layout
	 * @return the topics' full names
	 */
	public static List<String> repartitionTopics(String applicationId) {
		return List.of(CouncilTotalsTopology.REPORTS_BY_ID, CouncilTotalsTopology.CHANGES_BY_OPERATION)
			.stream()
			.map((name) -> applicationId + "-" + name + "-repartition")
			.toList();
	}

	private static String applicationId(String base, int generation) {
		if (base == null || base.isBlank()) {
			throw new IllegalArgumentException("No application id configured (spring.kafka.streams.application-id)");
		}
		if (WITH_SUFFIX.matcher(base).matches()) {
			throw new IllegalArgumentException("spring.kafka.streams.application-id '" + base
					+ "' already ends with a layout suffix: configure the base id (e.g. jointops-aggregator), the "
					+ "aggregator appends " + SUFFIX + GENERATION + " itself");
		}
		return (generation == 1) ? base : base + SUFFIX + generation;
	}

}
