package org.jointops.system.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jointops.system.oracle.Totals;

/**
 * The test's own account of what it sent and what was answered {@code 202}: from it
 * alone, what the council totals must be. A revision answered {@code 409} because it is
 * not higher than its report's withdrawal is counted apart: it was never sent to Kafka,
 * and it would not have counted.
 */
public final class Ledger {

	private final Map<String, Submission> highestAccepted = new LinkedHashMap<>();

	private final List<String> rejections = new ArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger notCounting = new AtomicInteger();

	private final AtomicInteger unavailable = new AtomicInteger();

	private final AtomicInteger unreachable = new AtomicInteger();

	private final Map<String, Map<Integer, Submission>> sent = new LinkedHashMap<>();

	synchronized void requested(Submission submission) {
		this.requests.incrementAndGet();
		this.sent.computeIfAbsent(submission.reportKey(), (key) -> new LinkedHashMap<>())
			.putIfAbsent(submission.revision(), submission);
	}

	synchronized void accepted(Submission submission) {
		this.accepted.incrementAndGet();
		this.highestAccepted.merge(submission.reportKey(), submission,
				(known, added) -> (added.revision() > known.revision()) ? added : known);
	}

	void notCounting(Submission submission) {
		this.notCounting.incrementAndGet();
	}

	void unavailable() {
		this.unavailable.incrementAndGet();
	}

	void unreachable() {
		this.unreachable.incrementAndGet();
	}

	synchronized void rejected(Submission submission, int status, String body) {
		this.rejections.add(submission + " -> " + status + " " + body);
	}

	/**
	 * The totals the accepted reports make: the highest accepted revision of each report,
	 * nothing for a withdrawn one.
	 * @return expected totals
	 */
	public synchronized Totals expectedTotals() {
		Totals.Builder totals = Totals.builder();
		this.highestAccepted.values().stream().filter((submission) -> !submission.withdrawn()).forEach((submission) -> {
			totals.report();
			submission.lines()
				.forEach((line) -> totals.add(Submission.OPERATION, line.category(), line.currency(),
						submission.state(), submission.stage(), line.quantity()));
		});
		return totals.build();
	}

	/**
	 * The most any totals may ever show, whatever order revisions arrive in: per cell,
	 * the sum over reports of the largest figure any of its revisions sent. A figure
	 * above it counted some report twice.
	 * @return the ceiling
	 */
	public synchronized Totals ceiling() {
		Map<String, BigDecimal> ceiling = new TreeMap<>();
		long reports = 0;
		for (Map<Integer, Submission> revisions : this.sent.values()) {
			Map<String, BigDecimal> largest = new TreeMap<>();
			for (Submission submission : revisions.values()) {
				if (submission.withdrawn()) {
					continue;
				}
				Totals.Builder one = Totals.builder();
				submission.lines()
					.forEach((line) -> one.add(Submission.OPERATION, line.category(), line.currency(),
							submission.state(), submission.stage(), line.quantity()));
				one.build().cells().forEach((cell, value) -> largest.merge(cell, value, BigDecimal::max));
			}
			largest.forEach((cell, value) -> ceiling.merge(cell, value, BigDecimal::add));
			reports++;
		}
		return new Totals(ceiling, reports);
	}

	/**
	 * How many reports were sent.
	 * @return distinct reports
	 */
	public synchronized int reports() {
		return this.sent.size();
	}

	/**
	 * The highest revision answered {@code 202}, per report.
	 * @return report key to revision
	 */
	public synchronized Map<String, Integer> acceptedRevisions() {
		Map<String, Integer> revisions = new LinkedHashMap<>();
		this.highestAccepted.forEach((key, submission) -> revisions.put(key, submission.revision()));
		return revisions;
	}

	public synchronized List<String> rejections() {
		return List.copyOf(this.rejections);
	}

	/**
	 * Counts for the record.
	 * @return requests, 202s, 503s, calls that found no one answering
	 */
	public String summary() {
		return ("%d requests: %d accepted, %d answered 409 (not higher than the report's withdrawal), %d answered "
				+ "503, %d unanswered (connection refused or reset, timeout)")
			.formatted(this.requests.get(), this.accepted.get(), this.notCounting.get(), this.unavailable.get(),
					this.unreachable.get());
	}

	public int acceptedAnswers() {
		return this.accepted.get();
	}

	/**
	 * How many submissions had their final answer: 202, or 409 for a revision not higher
	 * than its report's withdrawal.
	 * @return final answers
	 */
	public int finalAnswers() {
		return this.accepted.get() + this.notCounting.get();
	}

	public int notCountingAnswers() {
		return this.notCounting.get();
	}

	public int unavailableAnswers() {
		return this.unavailable.get();
	}

	public int unansweredRequests() {
		return this.unreachable.get();
	}

}
