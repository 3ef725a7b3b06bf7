package org.jointops.aggregator.health;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The catch-up gate: closed from start until the application's committed offsets have
 * reached the ends the findings topics had at start, and then the ends of each
 * repartition topic in turn; open for good after that.
 */
class CatchUpTests {

	private static final String BY_ID = "app-reports-by-id-repartition";

	private static final String BY_OPERATION = "app-changes-by-operation-repartition";

	private final Offsets offsets = new Offsets();

	private final CatchUp gate = new CatchUp(this.offsets,
			List.of(new CatchUp.Stage("the findings topics", Topics.FINDINGS_PATTERN), CatchUp.Stage.of(BY_ID),
					CatchUp.Stage.of(BY_OPERATION)),
			Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void isClosedWithoutProgressBeforeItsFirstCheck() {
		assertThat(this.gate.lag()).contains(new CatchUp.Lag(null, null));
	}

	@Test
	void opensAtTheFirstCheckWhenThereIsNothingToCatchUpWith() {
		this.offsets.end("findings.kaz", 0, 0);
		this.offsets.end("findings.rus", 0, 0);

		assertThat(this.gate.check()).isTrue();
		assertThat(this.gate.lag()).isEmpty();
	}

	@Test
	void countsNoRecordDeletedBeforeAPartitionsStartAsBehind() {
		// findings.kaz: records 0-99 deleted, 100-109 left, nothing processed (no
		// commit);
		// findings.rus: every record deleted (start = end), so no commit ever comes
		this.offsets.end("findings.kaz", 0, 110);
		this.offsets.start("findings.kaz", 0, 100);
		this.offsets.end("findings.rus", 0, 50);
		this.offsets.start("findings.rus", 0, 50);
		this.offsets.commit("findings.kgz", 0, 3);

		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).contains(new CatchUp.Lag("the findings topics", 10L));

		this.offsets.commit("findings.kaz", 0, 110);
		assertThat(this.gate.check()).isTrue();
	}

	@Test
	void opensAtTheFirstCheckWhenTheApplicationHadProcessedEverythingBeforeItStopped() {
		this.offsets.end("findings.kaz", 0, 7);
		this.offsets.end(BY_ID, 0, 7);
		this.offsets.end(BY_OPERATION, 1, 5);
		this.offsets.commit("findings.kaz", 0, 7);
		this.offsets.commit(BY_ID, 0, 7);
		this.offsets.commit(BY_OPERATION, 1, 5);

		assertThat(this.gate.check()).isTrue();
	}

	@Test
	void waitsForTheCommittedOffsetsToReachTheFindingsTopicsCommittedEndsAtStart() {
		this.offsets.end("findings.kaz", 0, 5);
		this.offsets.end("findings.kaz", 1, 2);
		this.offsets.end("findings.rus", 0, 3);
		this.offsets.end("council.totals", 0, 40);

		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).contains(new CatchUp.Lag("the findings topics", 10L));
		assertThat(this.offsets.isolations).containsExactly(true);

		this.offsets.commit("findings.kaz", 0, 5);
		this.offsets.commit("findings.rus", 0, 1);
		this.offsets.end("findings.rus", 0, 50);
		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).as("records written after start do not hold the gate")
			.contains(new CatchUp.Lag("the findings topics", 4L));
	}

	@Test
	void followsTheRecordsThroughEveryRepartitionTopicBeforeOpening() {
		this.offsets.end("findings.kaz", 0, 5);
		assertThat(this.gate.check()).isFalse();

		this.offsets.commit("findings.kaz", 0, 5);
		this.offsets.end(BY_ID, 0, 3);
		this.offsets.end(BY_ID, 2, 2);
		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).contains(new CatchUp.Lag(BY_ID, 5L));
		assertThat(this.offsets.isolations).as("a repartition topic's end counts records of open transactions")
			.containsExactly(true, false);

		this.offsets.commit(BY_ID, 0, 3);
		this.offsets.commit(BY_ID, 2, 2);
		this.offsets.end(BY_OPERATION, 1, 4);
		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).contains(new CatchUp.Lag(BY_OPERATION, 4L));

		this.offsets.commit(BY_OPERATION, 1, 4);
		assertThat(this.gate.check()).isTrue();
		assertThat(this.gate.lag()).isEmpty();
	}

	@Test
	void staysOpenOnceOpen() {
		this.offsets.end("findings.kaz", 0, 0);
		assertThat(this.gate.check()).isTrue();

		this.offsets.end("findings.kaz", 0, 1000);
		assertThat(this.gate.check()).isTrue();
		assertThat(this.gate.lag()).isEmpty();
	}

	@Test
	void endsThatCannotBeReadKeepTheGateAsItWasAndSkipNoStage() {
		this.offsets.end("findings.kaz", 0, 5);
		assertThat(this.gate.check()).isFalse();

		this.offsets.commit("findings.kaz", 0, 5);
		this.offsets.end(BY_ID, 0, 3);
		this.offsets.unreachable = true;
		assertThatIllegalStateException().isThrownBy(this.gate::check);
		assertThat(this.gate.lag()).contains(new CatchUp.Lag("the findings topics", 5L));

		this.offsets.unreachable = false;
		assertThat(this.gate.check()).isFalse();
		assertThat(this.gate.lag()).contains(new CatchUp.Lag(BY_ID, 3L));
	}

	/**
	 * Offsets as a test sets them; ends and committed offsets by partition.
	 */
	static final class Offsets implements CatchUp.Offsets {

		private final Map<TopicPartition, Long> ends = new HashMap<>();

		private final Map<TopicPartition, Long> committed = new HashMap<>();

		private final Map<TopicPartition, Long> starts = new HashMap<>();

		private final List<Boolean> isolations = new ArrayList<>();

		private boolean unreachable;

		void end(String topic, int partition, long offset) {
			this.ends.put(new TopicPartition(topic, partition), offset);
		}

		void start(String topic, int partition, long offset) {
			this.starts.put(new TopicPartition(topic, partition), offset);
		}

		void commit(String topic, int partition, long offset) {
			this.committed.put(new TopicPartition(topic, partition), offset);
		}

		@Override
		public Map<TopicPartition, Long> ends(Pattern topics, boolean committed) {
			if (this.unreachable) {
				throw new IllegalStateException("Kafka did not answer");
			}
			this.isolations.add(committed);
			Map<TopicPartition, Long> matching = new HashMap<>();
			this.ends.forEach((partition, offset) -> {
				if (topics.matcher(partition.topic()).matches()) {
					matching.put(partition, offset);
				}
			});
			return matching;
		}

		@Override
		public Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions) {
			Map<TopicPartition, Long> matching = new HashMap<>();
			partitions.forEach((partition) -> matching.put(partition, this.starts.getOrDefault(partition, 0L)));
			return matching;
		}

		@Override
		public Map<TopicPartition, Long> committed() {
			return Map.copyOf(this.committed);
		}

		@Override
		public void close() {
		}

	}

}
