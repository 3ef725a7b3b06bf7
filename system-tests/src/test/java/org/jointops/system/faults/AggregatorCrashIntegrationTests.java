package org.jointops.system.faults;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.observe.Transactions;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.Pipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregator is killed ({@code SIGKILL}) inside open transactions, again and again,
 * while reports stream in, and restarted with and without its local state.
 */
class AggregatorCrashIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	private static final int KILLS = 2;

	@Test
	void killingTheAggregatorMidTransactionNeitherLosesNorDoubleCounts() {
		Random random = new Random(20170522L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "crash", 200, 3);
		Ledger ledger = new Ledger();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("aggregator-killed"))
			.states(STATES.toArray(String[]::new))
			// a long commit interval: most of the time a transaction is open, so kills
			// land
			// inside one
			.aggregatorProperty("spring.kafka.streams.properties.commit.interval.ms", "5000")
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.broker().admin();
				// think time sized so that the traffic lasts through both kills and
				// restarts (each restart waits for the catch-up gate)
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(600),
						Duration.ofMinutes(3))) {
			CompletableFuture<Void> traffic = agencies.post(plan);
			for (int kill = 1; kill <= KILLS; kill++) {
				FaultRuns.awaitAccepted(ledger, plan.size() * kill / (KILLS + 2));
				// new totals and an open transaction need changes still coming
				assertThat(traffic).as("traffic still flowing before kill %d", kill).isNotDone();
				awaitNewTotals(watcher, watcher.recordsSeen());
				FaultRuns.awaitOpenAggregatorTransaction(admin);
				pipeline.aggregator().kill();
				boolean wipe = kill == 2;
				pipeline.restartAggregator(0, wipe);
			}
			traffic.join();

			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Transactions.awaitNoneHanging(admin, Duration.ofSeconds(60));
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			Reckoning.assertNeverWentBackwards(watcher);
			System.out.printf("aggregator killed: %d reports, %s; %d kills inside open transactions, "
					+ "%d restarts (1 without local state); oracle read %d records; %d committed totals records checked%n",
					ledger.reports(), ledger.summary(), KILLS, KILLS, oracle.recordsRead(), watcher.recordsSeen());
		}
	}

	/**
	 * Waits until the aggregator has committed new totals: it made progress since its
	 * restart.
	 */
	private static void awaitNewTotals(CouncilTotalsWatcher watcher, int seen) {
		Awaitility.await("newly committed totals")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> watcher.recordsSeen() > seen);
	}

}
