package org.jointops.system.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.testsupport.TopicReader;

/**
 * An independent recomputation of the council totals, straight from the findings topics
 * and written without the aggregator's code: read every {@code findings.<state>} topic
 * from the start with {@code read_committed}, keep the highest revision of each report
 * (the first one read on a tie, nothing for a withdrawn one) and add up per operation,
 * category, state and stage. A report belongs to the agency of the first revision of it
 * read: revisions of other agencies do not count.
 * <p>
 * Records it cannot decode with Avro's own single-object decoder, records whose state is
 * not their topic's, and the reports a test names as deliberately broken do not count.
 */
public final class Oracle {

	private static final String FINDINGS_PREFIX = "findings.";

	private final Map<String, ReportRevision> highest = new LinkedHashMap<>();

	private final Map<String, Long> changes = new LinkedHashMap<>();

	private int notTheOwner;

	private int recordsRead;

	private int undecodable;

	private Oracle() {
	}

	/**
	 * Reads every findings topic of the cluster as it stands.
	 * @param client bootstrap servers and security settings (an observer of every topic)
	 * @param broken report keys ({@code STATE/reportId}) written to break a rule on
	 * purpose
	 * @return the oracle's reading
	 */
	public static Oracle read(Map<String, Object> client, Set<String> broken) {
		Oracle oracle = new Oracle();
		for (String topic : findingsTopics(client)) {
			String topicState = topic.substring(FINDINGS_PREFIX.length()).toUpperCase(Locale.ROOT);
			List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(client, topic,
					new ByteArrayDeserializer(), new ByteArrayDeserializer());
			records.forEach((record) -> oracle.consider(topicState, record.value(), broken));
		}
		return oracle;
	}

	public static Oracle read(Map<String, Object> client) {
		return read(client, Set.of());
	}

	/**
	 * What the totals must be.
	 * @return totals
	 */
	public Totals totals() {
		Totals.Builder totals = Totals.builder();
		this.highest.values().stream().filter((report) -> !report.getWithdrawn()).forEach((report) -> {
			totals.report();
			for (Finding finding : report.getFindings()) {
				totals.add(report.getOperation(), finding.getCategory(), finding.getCurrency(), report.getState(),
						report.getStage(), finding.getQuantity());
			}
		});
		return totals.build();
	}

	/**
	 * The revision that counts, per report (withdrawn ones included).
	 * @return report key to revision
	 */
	public Map<String, Integer> countedRevisions() {
		Map<String, Integer> revisions = new LinkedHashMap<>();
		this.highest.forEach((key, report) -> revisions.put(key, report.getRevision()));
		return revisions;
	}

	/**
	 * The version each operation's totals must end at: how many times its figures change.
	 * A revision higher than the standing one changes them when either counts (the
	 * standing one leaves, the new one comes in; a withdrawn one counts nothing), and a
	 * report that moves to another operation changes both; the same or a lower revision
	 * changes nothing. The version is the evidence that every record has been counted:
	 * figures can reach their final values before that, e.g. while a report and its
	 * withdrawal are both still on their way.
	 * @param operation operation code
	 * @return the version, 0 if nothing counts for it
	 */
	public long version(String operation) {
		return this.changes.getOrDefault(operation, 0L);
	}

	public int recordsRead() {
		return this.recordsRead;
	}

	public int undecodable() {
		return this.undecodable;
	}

	/**
	 * How many revisions were another agency's than their report's owner's.
	 * @return the number of revisions that do not count for that
	 */
	public int notTheOwner() {
		return this.notTheOwner;
	}

	private void consider(String topicState, byte[] value, Set<String> broken) {
		this.recordsRead++;
		ReportRevision report;
		try {
			report = ReportRevision.getDecoder().decode(value);
		}
		catch (Exception ex) {
			this.undecodable++;
			return;
		}
		String key = report.getState() + "/" + report.getReportId();
		if (!report.getState().equals(topicState) || broken.contains(key)) {
			return;
		}
		ReportRevision standing = this.highest.get(key);
		if (standing != null && !standing.getAgency().equals(report.getAgency())) {
			this.notTheOwner++;
			return;
		}
		if (standing == null || report.getRevision() > standing.getRevision()) {
			this.highest.put(key, report);
			countChanges((standing != null && !standing.getWithdrawn()) ? standing : null,
					report.getWithdrawn() ? null : report);
		}
	}

	private void countChanges(ReportRevision leaving, ReportRevision coming) {
		if (leaving != null) {
			this.changes.merge(leaving.getOperation(), 1L, Long::sum);
		}
		if (coming != null && (leaving == null || !leaving.getOperation().equals(coming.getOperation()))) {
			this.changes.merge(coming.getOperation(), 1L, Long::sum);
		}
	}

	private static List<String> findingsTopics(Map<String, Object> client) {
		try (Admin admin = Admin.create(client)) {
			return admin.listTopics()
				.names()
				.get()
				.stream()
				.filter((name) -> name.startsWith(FINDINGS_PREFIX))
				.sorted()
				.toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Cannot list the findings topics", ex);
		}
	}

}
