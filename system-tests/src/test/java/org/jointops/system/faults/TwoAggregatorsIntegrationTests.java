package org.jointops.system.faults;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;
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
 * Two aggregator instances share the work; one is killed, the other takes over its
 * partitions.
 */
class TwoAggregatorsIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	@Test
	void theSurvivingInstanceTakesOverAndTheTotalsStayExact() {
		Random random = new Random(20171002L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "two", 250, 3);
		Ledger ledger = new Ledger();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("two-aggregators"))
			.states(STATES.toArray(String[]::new))
			.aggregators(2)
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.broker().admin();
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(150),
						Duration.ofMinutes(3))) {
			awaitMembersWithWork(admin, 2);
			CompletableFuture<Void> traffic = agencies.post(plan);
			FaultRuns.awaitAccepted(ledger, plan.size() / 3);
			pipeline.aggregator(0).kill();
			awaitMembersWithWork(admin, 1);
			traffic.join();

			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			Reckoning.assertNeverWentBackwards(watcher);
			System.out.printf(
					"two aggregators: %d reports, %s; 1 of 2 instances killed, the other took over; "
							+ "oracle read %d records; %d committed totals records checked%n",
					ledger.reports(), ledger.summary(), oracle.recordsRead(), watcher.recordsSeen());
		}
	}

	/**
	 * Waits until the application's group has this many members, each with partitions.
	 */
	private static void awaitMembersWithWork(Admin admin, int members) {
		Awaitility.await(members + " aggregator instances sharing the work")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> {
				ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FaultRuns.AGGREGATOR_APPLICATION))
					.describedGroups()
					.get(FaultRuns.AGGREGATOR_APPLICATION)
					.get(5, TimeUnit.SECONDS);
				Collection<MemberDescription> current = group.members();
				assertThat(current).hasSize(members);
				assertThat(current).allSatisfy((member) -> assertThat(member.assignment().topicPartitions())
					.as("partitions of %s", member.host())
					.isNotEmpty());
			});
	}

}
