package org.jointops.system.faults;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.Pipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state's producer service is killed ({@code SIGKILL}) while its agencies keep posting;
 * they retry with the same report id and revision, as the API guide tells them to.
 */
class ProducerCrashIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	private static final int KILLS = 2;

	@Test
	void everyReportAnswered202IsCountedExactlyOnceAcrossProducerKills() {
		Random random = new Random(20170925L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "producer-crash", 250, 3);
		Ledger ledger = new Ledger();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("producer-killed"))
			.states(STATES.toArray(String[]::new))
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 4, Duration.ofMillis(150),
						Duration.ofMinutes(3))) {
			CompletableFuture<Void> traffic = agencies.post(plan);
			for (int kill = 1; kill <= KILLS; kill++) {
				FaultRuns.awaitAccepted(ledger, plan.size() * kill / (KILLS + 2));
				pipeline.producer("KAZ").kill();
				pipeline.restartProducer("KAZ");
			}
			traffic.join();

			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			Reckoning.assertNeverWentBackwards(watcher);
			assertThat(ledger.unansweredRequests()).as("posts that met a dead producer").isPositive();
			System.out.printf(
					"producer killed: %d reports, %s; %d kills and restarts of producer-KAZ; "
							+ "oracle read %d records; %d committed totals records checked%n",
					ledger.reports(), ledger.summary(), KILLS, oracle.recordsRead(), watcher.recordsSeen());
		}
	}

}
