package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The catch-up gate: whether this aggregator's Kafka Streams application has processed
 * what the findings topics held when it started. Until it has, its stores hold partial
 * totals (after an upgrade to a new state layout, or a reset, it rebuilds them from the
 * findings topics; Kafka Streams is RUNNING meanwhile, not restoring), so readiness is
 * OUT_OF_SERVICE and the queries answer 503.
 * <p>
 * At start it takes the end offsets of the findings topics ({@code read_committed}) as
 * the targets of the first stage, and follows the committed offsets of the application's
 * consumer group. Once they reach the targets, every record before them has been handed
 * to the first repartition topic: its end offsets become the targets of the next stage,
 * and so on through every repartition topic in the order records flow through them. When
 * the last stage is reached, every record the findings topics held at start is in the
 * stores, and the gate opens for good (a reset needs a restart, which closes it again). A
 * deployment whose findings topics were empty at start opens it at its first check.
 */
public class CatchUp implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CatchUp.class);

	private static final Duration CHECK = Duration.ofMillis(500);

	private static final Duration REPORT = Duration.ofSeconds(10);

	private final Offsets offsets;

	private final List<Stage> stages;

	private final Clock clock;

	private final Object lock = new Object();

	private int stage = -1;

	private Map<TopicPartition, Long> targets = Map.of();

	private Map<TopicPartition, Long> starts = Map.of();

	private volatile Lag lag = new Lag(null, null);

	private volatile boolean running;

	private Instant begun;

	private Instant reported;

	private boolean wasBehind;

	private Thread thread;

	/**
	 * Creates a gate, closed until its first check.
	 * @param offsets where the end and committed offsets are read
	 * @param stages the findings topics first, then each repartition topic in the order
	 * records flow through them
	 * @param clock for the reports of progress
	 */
	public CatchUp(Offsets offsets, List<Stage> stages, Clock clock) {
		this.offsets = offsets;
		this.stages = List.copyOf(stages);
		this.clock = clock;
	}

	/**
	 * How far the application is behind.
	 * @return empty once it has caught up; while it catches up, the stage and how many
	 * records it still has to process in that stage
	 */
	public Optional<Lag> lag() {
		return Optional.ofNullable(this.lag);
	}

	/**
	 * Reads the offsets once and moves the gate on as far as they allow.
	 * @return true once caught up
	 * @throws RuntimeException if the offsets cannot be read; the gate stays as it was
	 */
	boolean check() {
		synchronized (this.lock) {
			if (this.lag == null) {
				return true;
			}
			if (this.begun == null) {
				this.begun = this.clock.instant();
				// the first check that finds it behind says so at once
				this.reported = this.begun.minus(REPORT);
			}
			if (this.stage < 0) {
				this.targets = this.offsets.ends(this.stages.get(0).topics(), true);
				this.starts = this.offsets.starts(this.targets.keySet());
				this.stage = 0;
			}
			Map<TopicPartition, Long> committed = this.offsets.committed();
			long behind = behind(committed);
			while (behind == 0 && this.stage + 1 < this.stages.size()) {
				// records of the previous stages' transactions, committed or about to be:
				// waiting for one that is later aborted costs only until the abort
				this.targets = this.offsets.ends(this.stages.get(this.stage + 1).topics(), false);
				this.starts = this.offsets.starts(this.targets.keySet());
				this.stage++;
				behind = behind(committed);
			}
			if (behind == 0) {
				this.lag = null;
				if (this.wasBehind) {
					logger.info("Caught up with the findings topics in {} s: queries are answered",
							Duration.between(this.begun, this.clock.instant()).toSeconds());
				}
				return true;
			}
			this.wasBehind = true;
			this.lag = new Lag(this.stages.get(this.stage).name(), behind);
			Instant now = this.clock.instant();
			if (!now.isBefore(this.reported.plus(REPORT))) {
				this.reported = now;
				logger.info("Catching up with the findings topics: {} records behind in {} ({} s so far)", behind,
						this.lag.stage(), Duration.between(this.begun, now).toSeconds());
			}
			return false;
		}
	}

	/*
	 * Records between the application's position and the target, by partition. Without a
	 * committed offset (nothing processed there yet) the position is the partition's
	 * start: records deleted before it (deleteRecords, retention) will never be
	 * processed, and Kafka Streams commits no offset for a partition it never received a
	 * record from.
	 */
	private long behind(Map<TopicPartition, Long> committed) {
		long behind = 0;
		for (Map.Entry<TopicPartition, Long> target : this.targets.entrySet()) {
			long start = this.starts.getOrDefault(target.getKey(), 0L);
			long position = Math.max(start, committed.getOrDefault(target.getKey(), start));
			behind += Math.max(0, target.getValue() - position);
		}
		return behind;
	}

	/**
	 * Checks once, so that a deployment with nothing to catch up with is ready at once,
	 * then keeps checking in the background until caught up.
	 */
	@Override
	public void start() {
		this.running = true;
		if (checkQuietly()) {
			return;
		}
		this.thread = new Thread(this::run, "catch-up");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		while (this.running && !checkQuietly()) {
			try {
				Thread.sleep(CHECK.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean checkQuietly() {
		try {
			return check();
		}
		catch (RuntimeException ex) {
			if (this.running) {
				logger.warn("Cannot read the offsets the catch-up gate follows (retrying): {}", ex.toString());
			}
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
			try {
				running.join(CHECK.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.offsets.close();
	}

	/**
	 * Starts before Kafka Streams, so that the targets are what the findings topics held
	 * before it processed anything.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Reads end offsets and the application's committed offsets.
	 */
	public interface Offsets extends AutoCloseable {

		/**
		 * The end offsets of every partition of the topics whose names match.
		 * @param topics the names
		 * @param committed whether the end is that of committed records
		 * ({@code read_committed}), or of every record written
		 * @return the offset after the last record, by partition
		 */
		Map<TopicPartition, Long> ends(Pattern topics, boolean committed);

		/**
		 * The start offsets of partitions: the first record still in the log (records
		 * before it were deleted, by retention or a deletion of records).
		 * @param partitions the partitions
		 * @return the offset of the first record still in the log, by partition
		 */
		Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions);

		/**
		 * The offsets the application's consumer group has committed.
		 * @return the next offset to process, by partition
		 */
		Map<TopicPartition, Long> committed();

		@Override
		void close();

	}

	/**
	 * One stage of the catch-up: topics whose committed offsets must reach their ends.
	 *
	 * @param name what the topics are, for people
	 * @param topics the topics' names
	 */
	public record Stage(String name, Pattern topics) {

		/**
		 * The stage of one topic.
		 * @param topic its name
		 * @return its stage
		 */
		public static Stage of(String topic) {
			return new Stage(topic, Pattern.compile(Pattern.quote(topic)));
		}

	}

	/**
	 * How far the application is behind.
	 *
	 * @param stage the topics it is catching up with, null before the first check
	 * @param records records still to process in that stage, null before the first check
	 */
	public record Lag(String stage, Long records) {
	}

}
