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

/**
 * Revisions in any order, duplicates, withdrawals and revisions after a withdrawal, sent
 * across aggregator restarts: a clean stop, a kill with its local state lost, a kill with
 * it kept. A revision not higher than its report's withdrawal is answered 409 by the
 * producer (a final answer: it would never count).
 */
class OutOfOrderRevisionsIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	@Test
	void disorderlyRevisionsAcrossRestartsConvergeWithoutNegativeOrDoubleCountedTotals() {
		Random random = new Random(20170603L);
		List<Submission> plan = ReportPlans.disorderly(random, STATES, "disorder", 150);
		int third = plan.size() / 3;
		Ledger ledger = new Ledger();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("out-of-order"))
			.states(STATES.toArray(String[]::new))
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(30),
						Duration.ofMinutes(3))) {
			agencies.postAll(plan.subList(0, third));
			pipeline.aggregator().stop();
			pipeline.restartAggregator(0, false);

			CompletableFuture<Void> traffic = agencies.post(plan.subList(third, 2 * third));
			FaultRuns.awaitAccepted(ledger, third + third / 2);
			pipeline.aggregator().kill();
			pipeline.restartAggregator(0, true);
			traffic.join();

			traffic = agencies.post(plan.subList(2 * third, plan.size()));
			FaultRuns.awaitAccepted(ledger, 2 * third + third / 2);
			pipeline.aggregator().kill();
			pipeline.restartAggregator(0, false);
			traffic.join();

			// revisions sent after their report's withdrawal and not higher than it may
			// be
			// answered 409 (how many depends on the shuffle and on when each producer
			// instance reads the withdrawal: WithdrawnReportTests and
			// OwnersTopicIntegrationTests prove the answer); they never reach Kafka, the
			// oracle reads Kafka, the ledger counts 202s only
			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			System.out.printf("out of order: %d reports, %d submissions in random order with duplicates and "
					+ "withdrawals, %s; 1 clean restart, 2 kills (1 without local state); oracle read %d records; "
					+ "%d committed totals records checked%n", ledger.reports(), plan.size(), ledger.summary(),
					oracle.recordsRead(), watcher.recordsSeen());
		}
	}

}
