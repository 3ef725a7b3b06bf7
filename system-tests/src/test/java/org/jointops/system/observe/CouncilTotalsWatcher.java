package org.jointops.system.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.support.wire.WireFormat;
import org.jointops.system.oracle.Totals;
import org.jointops.totals.CouncilTotals;

/**
 * Watches {@code council.totals} with {@code read_committed} for the whole of a test, as
 * the secretariat's feed does (with the services' own {@link TopicFollower}), and keeps
 * every record it sees: per operation the version must grow with every record, and each
 * record's totals are kept for the test's own checks (never negative; under traffic that
 * only ever raises figures, never lower than the record before and never above the final
 * totals). A record it cannot decode is a violation.
 */
public final class CouncilTotalsWatcher implements AutoCloseable {

	private final TopicFollower<String, CouncilTotals> follower;

	private final List<String> violations = new ArrayList<>();

	private final Map<String, List<Totals>> seen = new HashMap<>();

	private final Map<String, Long> versions = new HashMap<>();

	private CouncilTotalsWatcher(Map<String, Object> client) {
		this.follower = new TopicFollower<>(WireFormat.singleObject().councilTotals(), client, "council-totals-watcher",
				new TopicFollower.Listener<>() {

					@Override
					public void onRecord(ConsumerRecord<String, CouncilTotals> record) {
						observe(record);
					}

					@Override
					public void onUndecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
						violation("undecodable record at offset %d: %s".formatted(record.offset(), failure));
					}

				});
	}

	/**
	 * Starts watching from the topic's first record (or from its creation).
	 * @param client bootstrap servers and security settings
	 * @return the watcher
	 */
	public static CouncilTotalsWatcher start(Map<String, Object> client) {
		CouncilTotalsWatcher watcher = new CouncilTotalsWatcher(client);
		watcher.follower.start();
		return watcher;
	}

	/**
	 * Waits until the watcher has seen every record committed before this call.
	 * @param timeout longest wait
	 * @return whether it has
	 */
	public boolean awaitCaughtUp(Duration timeout) {
		return this.follower.awaitCaughtUp(timeout);
	}

	/**
	 * Every committed totals record seen so far, per operation, in order.
	 * @return operation to totals
	 */
	public synchronized Map<String, List<Totals>> seen() {
		Map<String, List<Totals>> copy = new HashMap<>();
		this.seen.forEach((operation, totals) -> copy.put(operation, List.copyOf(totals)));
		return copy;
	}

	/**
	 * Records that broke the version rule, or could not be decoded.
	 * @return descriptions, empty when none
	 */
	public synchronized List<String> violations() {
		return List.copyOf(this.violations);
	}

	/**
	 * The highest version seen of an operation.
	 * @param operation operation code
	 * @return version, 0 when none
	 */
	public synchronized long version(String operation) {
		return this.versions.getOrDefault(operation, 0L);
	}

	public synchronized int recordsSeen() {
		return this.seen.values().stream().mapToInt(List::size).sum();
	}

	private synchronized void observe(ConsumerRecord<String, CouncilTotals> record) {
		CouncilTotals totals = record.value();
		if (totals == null) {
			return;
		}
		long previous = this.versions.getOrDefault(record.key(), 0L);
		if (totals.getVersion() <= previous) {
			this.violations.add("%s: version %d after %d (offset %d)".formatted(record.key(), totals.getVersion(),
					previous, record.offset()));
		}
		this.versions.put(record.key(), Math.max(previous, totals.getVersion()));
		this.seen.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(Answers.canonical(totals));
	}

	private synchronized void violation(String description) {
		this.violations.add(description);
	}

	@Override
	public void close() {
		this.follower.stop();
	}

}
