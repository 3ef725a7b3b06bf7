package org.jointops.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jointops.system.observe.Answers;
import org.jointops.system.oracle.Totals;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * Asks aggregator instances for an operation's totals over and over, each instance from a
 * thread of its own, while faults happen, and judges every answer against what the
 * current phase expects:
 * <ul>
 * <li>{@linkplain #expectExactly exactly}: nothing is being reported, so an active store
 * must answer the exact totals at their exact version; a standby replica that says its
 * lag may answer older totals (never more than the exact ones); or 503;</li>
 * <li>{@linkplain #expectAtLeast at least}: reports are flowing (every one only raises
 * figures), so an answer may not go below the totals the phase started from, nor (checked
 * at the end against the test's ceiling) above what was ever sent; or 503.</li>
 * </ul>
 * An answer of 200 with no reports, no lines or version 0 is wrong in every phase: the
 * operation has reports. Per phase, it counts the answers and the 503s and measures the
 * longest time an instance answered 503 without a break (from the first 503's request to
 * the next 200's).
 */
final class QueryProbe implements AutoCloseable {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private final String operation;

	private final ScheduledExecutorService askers;

	/** Held while asking and judging; a phase changes only between answers. */
	private final ReadWriteLock phaseLock = new ReentrantReadWriteLock();

	private final List<String> wrong = new ArrayList<>();

	private final List<Totals> answeredWhileReporting = new ArrayList<>();

	private final Map<String, PhaseCounts> phases = new LinkedHashMap<>();

	private final Map<ServiceProcess, Long> unavailableSince = new ConcurrentHashMap<>();

	private volatile Phase phase;

	private QueryProbe(String operation, List<ServiceProcess> instances) {
		this.operation = operation;
		this.askers = Executors.newScheduledThreadPool(instances.size(), (task) -> {
			Thread thread = new Thread(task, "query-probe");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts asking: no instance is asked before the first phase names it.
	 * @param operation the operation
	 * @param instances every aggregator instance of the pipeline
	 * @return the probe
	 */
	static QueryProbe start(String operation, List<ServiceProcess> instances) {
		QueryProbe probe = new QueryProbe(operation, instances);
		for (ServiceProcess instance : instances) {
			// each instance asked by a thread of its own, the next question 100 ms after
			// the last answer
			probe.askers.scheduleWithFixedDelay(() -> probe.ask(instance), 0, INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		return probe;
	}

	/**
	 * The address an instance advertises, as its answers name it in
	 * {@code Jointops-Served-By}.
	 * @param instance the instance
	 * @return host and port
	 */
	static String address(ServiceProcess instance) {
		return instance.host().address() + ":" + instance.port();
	}

	/**
	 * A phase in which every answer of the instances asked must be exact.
	 * @param name the phase's name, for the counts (a phase begun again adds to them)
	 * @param asked the instances asked
	 * @param exact the totals and version
	 */
	void expectExactly(String name, Set<ServiceProcess> asked, Answers.Versioned exact) {
		begin(new Phase(name, Set.copyOf(asked), exact, null));
	}

	/**
	 * A phase in which reports are flowing: answers between the floor and the ceiling.
	 * @param name the phase's name, for the counts
	 * @param asked the instances asked
	 * @param floor the totals the phase starts from
	 */
	void expectAtLeast(String name, Set<ServiceProcess> asked, Answers.Versioned floor) {
		begin(new Phase(name, Set.copyOf(asked), null, floor));
	}

	private void begin(Phase next) {
		this.phaseLock.writeLock().lock();
		try {
			Phase ending = this.phase;
			if (ending != null) {
				// a run of 503s still going counts up to the phase's end
				PhaseCounts counts = this.phases.get(ending.name());
				long now = System.nanoTime();
				this.unavailableSince
					.forEach((instance, since) -> counts.unavailableRun(instance, Duration.ofNanos(now - since)));
			}
			this.unavailableSince.clear();
			this.phase = next;
			this.phases.computeIfAbsent(next.name(), (name) -> new PhaseCounts());
		}
		finally {
			this.phaseLock.writeLock().unlock();
		}
	}

	/**
	 * Answers that were not what their phase allowed.
	 * @return descriptions
	 */
	synchronized List<String> wrong() {
		return List.copyOf(this.wrong);
	}

	/**
	 * The totals answered while reports were flowing, for the check against the ceiling.
	 * @return totals
	 */
	synchronized List<Totals> answeredWhileReporting() {
		return List.copyOf(this.answeredWhileReporting);
	}

	/**
	 * What each phase saw.
	 * @return phase name to its counts
	 */
	Map<String, PhaseCounts> phases() {
		this.phaseLock.writeLock().lock();
		try {
			Map<String, PhaseCounts> copy = new LinkedHashMap<>();
			this.phases.forEach((name, counts) -> copy.put(name, counts.copy()));
			return copy;
		}
		finally {
			this.phaseLock.writeLock().unlock();
		}
	}

	private void ask(ServiceProcess instance) {
		this.phaseLock.readLock().lock();
		try {
			Phase current = this.phase;
			if (current != null && current.asked().contains(instance)) {
				long asked = System.nanoTime();
				Answers.Answer answer;
				try {
					answer = Answers.ask(instance.url(""), this.operation);
				}
				catch (RuntimeException ex) {
					answer = new Answers.Answer(-1, null, null, null, ex.toString());
				}
				judge(current, instance, asked, answer);
			}
		}
		finally {
			this.phaseLock.readLock().unlock();
		}
	}

	private void judge(Phase current, ServiceProcess instance, long asked, Answers.Answer answer) {
		PhaseCounts counts = this.phases.get(current.name());
		synchronized (this) {
			counts.answers++;
			if (answer.status() == 503) {
				counts.unavailable++;
				if (counts.reasons.size() < 10) {
					counts.reasons.add(instance.name() + ": " + answer.detail());
				}
				this.unavailableSince.putIfAbsent(instance, asked);
				return;
			}
			Long since = this.unavailableSince.remove(instance);
			if (since != null) {
				counts.unavailableRun(instance, Duration.ofNanos(asked - since));
			}
			String problem = problem(current, answer);
			if (problem != null) {
				this.wrong.add(current.name() + ", " + instance.name() + ": " + problem);
			}
			else if (answer.standbyLag() != null) {
				counts.fromStandby++;
			}
			if (answer.totals() != null && current.exact() == null) {
				this.answeredWhileReporting.add(answer.totals().totals());
			}
		}
	}

	private static String problem(Phase current, Answers.Answer answer) {
		if (answer.status() != 200) {
			return "status " + answer.status();
		}
		Answers.Versioned totals = answer.totals();
		if (totals.version() <= 0 || totals.totals().reports() <= 0 || totals.totals().cells().isEmpty()) {
			return "empty totals " + totals + " for an operation that has reports";
		}
		boolean stale = answer.standbyLag() != null && answer.standbyLag() > 0;
		if (current.exact() != null) {
			Answers.Versioned exact = current.exact();
			if (stale) {
				return (totals.version() <= exact.version() && totals.totals().atMost(exact.totals())) ? null
						: "a standby replica " + answer.standbyLag() + " behind answered " + totals
								+ ", beyond the exact " + exact;
			}
			return totals.equals(exact) ? null
					: "answered " + totals + " (served by " + answer.servedBy() + "), not the exact " + exact;
		}
		Answers.Versioned floor = current.floor();
		if (!stale && (totals.version() < floor.version() || !floor.totals().atMost(totals.totals()))) {
			return "answered " + totals + " (served by " + answer.servedBy() + "), below the " + floor
					+ " the phase started from";
		}
		return null;
	}

	@Override
	public void close() {
		this.askers.shutdownNow();
		try {
			this.askers.awaitTermination(40, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What a phase expects.
	 *
	 * @param name its name
	 * @param asked the instances asked
	 * @param exact the exact totals, while nothing is being reported
	 * @param floor the totals the phase starts from, while reports flow
	 */
	private record Phase(String name, Set<ServiceProcess> asked, Answers.Versioned exact, Answers.Versioned floor) {
	}

	/** What one phase saw. */
	static final class PhaseCounts {

		int answers;

		int unavailable;

		int fromStandby;

		Duration longestUnavailable = Duration.ZERO;

		String longestUnavailableFrom;

		/** Why instances answered 503, each reason once (the first ten). */
		final Set<String> reasons = new LinkedHashSet<>();

		void unavailableRun(ServiceProcess instance, Duration run) {
			if (run.compareTo(this.longestUnavailable) > 0) {
				this.longestUnavailable = run;
				this.longestUnavailableFrom = instance.name();
			}
		}

		private PhaseCounts copy() {
			PhaseCounts copy = new PhaseCounts();
			copy.answers = this.answers;
			copy.unavailable = this.unavailable;
			copy.fromStandby = this.fromStandby;
			copy.longestUnavailable = this.longestUnavailable;
			copy.longestUnavailableFrom = this.longestUnavailableFrom;
			copy.reasons.addAll(this.reasons);
			return copy;
		}

		@Override
		public String toString() {
			return this.answers + " answers, " + this.unavailable + " of them 503 (longest run "
					+ this.longestUnavailable.toMillis() + " ms"
					+ ((this.longestUnavailableFrom != null) ? " from " + this.longestUnavailableFrom : "") + "), "
					+ this.fromStandby + " from a standby replica"
					+ (this.reasons.isEmpty() ? "" : "; 503 because " + this.reasons);
		}

	}

}
