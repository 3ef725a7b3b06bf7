package org.jointops.bench.run;

import java.time.Duration;

import org.jointops.bench.data.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The options of {@code ./bench}.
 */
class BenchOptionsTests {

	@Test
	void theDefaultsAreTheIssuesSizes() {
		BenchOptions options = BenchOptions.parse(new String[0], "./bench");

		assertThat(options.revisions()).isEqualTo(1_000_000);
		assertThat(options.shapes()).containsExactly(new Shape(1, 10), new Shape(100, 10), new Shape(1, 50_000));
		assertThat(options.clients()).containsExactly(1, 8, 64);
		assertThat(options.batchSizes()).containsExactly(100, 1000);
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.values());
		assertThat(options.reference()).isEqualTo(new Shape(1, 10));
		assertThat(options.mostClients()).isEqualTo(64);
	}

	@Test
	void aSmokeRunIsTinyAndAGivenOptionStillWins() {
		BenchOptions options = BenchOptions.parse(new String[] { "--smoke", "--revisions=500" }, "./bench");

		assertThat(options.smoke()).isTrue();
		assertThat(options.revisions()).isEqualTo(500);
		assertThat(options.measure()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.serviceJvm()).contains("-XX:TieredStopAtLevel=1");
	}

	@Test
	void phasesAndShapesAreLists() {
		BenchOptions options = BenchOptions.parse(
				new String[] { "--phases=catch-up,recovery", "--shapes=1x10,1x50_000", "--revisions=1_000_000" },
				"./bench");

		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.CATCH_UP, Phase.RECOVERY);
		assertThat(options.shapes()).containsExactly(new Shape(1, 10), new Shape(1, 50_000));
		assertThat(options.revisions()).isEqualTo(1_000_000);
	}

	@Test
	void theQueriesAreMeasuredAtEachHistorySizeInAscendingOrder() {
		BenchOptions defaults = BenchOptions.parse(new String[0], "./bench");
		BenchOptions given = BenchOptions.parse(
				new String[] { "--query-revisions=200_000,10000,200000", "--query-cells=420", "--phases=queries" },
				"./bench");

		assertThat(defaults.queryRevisions()).containsExactly(10_000L, 200_000L);
		assertThat(defaults.queryShape()).isEqualTo(new Shape(1, 1680));
		assertThat(given.queryRevisions()).containsExactly(10_000L, 200_000L);
		assertThat(given.queryShape()).isEqualTo(new Shape(1, 420));
		assertThat(given.phases()).containsExactly(Phase.QUERIES);
	}

	@Test
	void theStreamsSettingsAreTheAggregatorsUnlessGiven() {
		BenchOptions defaults = BenchOptions.parse(new String[0], "./bench");
		BenchOptions given = BenchOptions.parse(new String[] { "--commit-interval-ms=30", "--stream-threads=2" },
				"./bench");

		assertThat(defaults.commitIntervalMs()).isZero();
		assertThat(defaults.streamThreads()).isZero();
		assertThat(given.commitIntervalMs()).isEqualTo(30);
		assertThat(given.streamThreads()).isEqualTo(2);
		assertThat(given.describe()).anyMatch((line) -> line.contains("commit.interval.ms 30"));
	}

	@Test
	void anUnknownOptionOrPhaseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "--revision=5" }, ""))
			.withMessageContaining("revision");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--phases=kafka,bogus" }, ""))
			.withMessageContaining("bogus");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "smoke" }, ""));
	}

}
