package org.jointops.system.faults;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.jointops.system.observe.Answers;
import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.Network;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.testsupport.process.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three aggregator instances on a three-node cluster, every broker and service in a
 * network namespace of its own on one bridge ({@link Network}), each store with a standby
 * replica on another instance. A {@link QueryProbe} asks every live instance for the
 * operation's totals ten times a second throughout.
 * <ol>
 * <li>The instance that holds the operation is cut off by a network partition (its link
 * down) for longer than the session timeout: the two others take over and go on answering
 * the exact totals (or 503), then count new reports while it is still cut off; once
 * healed, it answers the exact totals too.</li>
 * <li>The instance holding the operation is killed (SIGKILL), then the one that took
 * over: the survivors answer the exact totals or 503 throughout, and the last one counts
 * new reports alone.</li>
 * </ol>
 * No answer is ever empty totals, or totals other than the exact ones while nothing is
 * being reported. The run ends in the four-way equality of every fault test, and prints
 * how long any instance answered 503 at a stretch.
 */
class AggregatorInstancesIntegrationTests {

	private static final List<String> STATES = List.of("KAZ");

	private static final String OPERATION = Submission.OPERATION;

	/** How long the instances may take to agree after a fault or new reports. */
	private static final Duration SETTLE = Duration.ofSeconds(120);

	@Test
	void everyLiveInstanceAnswersTheExactTotalsWhileInstancesAreCutOffAndKilled() throws Exception {
		Network.assumeUsable();
		Random random = new Random(20171102L);
		Ledger ledger = new Ledger();
		Timeline timeline = new Timeline();
		try (Network network = Network.create("joagg");
				Pipeline pipeline = Pipeline.in(FaultRuns.directory("aggregator-instances"))
					.brokers(3)
					.on(network)
					.aggregators(3)
					.states(STATES.toArray(String[]::new))
					.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.cluster().admin();
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(100),
						Duration.ofMinutes(3));
				QueryProbe probe = QueryProbe.start(OPERATION, pipeline.aggregators())) {
			Set<ServiceProcess> live = new LinkedHashSet<>(pipeline.aggregators());
			timeline.mark("started");
			agencies.postAll(ReportPlans.growing(random, STATES, "before", 80, 3));
			Answers.Versioned settled = awaitExactEverywhere(pipeline, ledger, live, Set.of());
			timeline.mark("settled at version " + settled.version());

			// 1. the holder cut off by a network partition, past the session timeout
			ServiceProcess cut = holder(live, settled);
			Set<ServiceProcess> others = without(live, cut);
			probe.expectExactly("holder cut off", others, settled);
			network.cut(cut.host());
			timeline.mark(cut.name() + " cut off");
			awaitExactEverywhere(pipeline, ledger, others, Set.of(QueryProbe.address(cut)));
			timeline.mark("taken over");
			probe.expectAtLeast("reports while cut off", others, settled);
			agencies.postAll(ReportPlans.growing(random, STATES, "cut", 40, 3));
			settled = awaitExactEverywhere(pipeline, ledger, others, Set.of(QueryProbe.address(cut)));
			timeline.mark("settled at version " + settled.version());
			probe.expectExactly("cut-off instance healed", live, settled);
			network.heal(cut.host());
			timeline.mark(cut.name() + " healed");
			awaitExactEverywhere(pipeline, ledger, live, Set.of());
			timeline.mark("all three exact");

			// 2. two instances killed, one after the other
			for (int kill = 1; kill <= 2; kill++) {
				ServiceProcess victim = holder(live, settled);
				live.remove(victim);
				probe.expectExactly("two instances killed", live, settled);
				victim.kill();
				timeline.mark(victim.name() + " killed");
				awaitExactEverywhere(pipeline, ledger, live, Set.of(QueryProbe.address(victim)));
				timeline.mark("taken over");
			}
			probe.expectAtLeast("reports to the last instance", live, settled);
			agencies.postAll(ReportPlans.growing(random, STATES, "last", 40, 3));
			settled = awaitExactEverywhere(pipeline, ledger, live, Set.of());
			probe.expectExactly("last instance settled", live, settled);
			timeline.mark("settled at version " + settled.version());

			Reckoning.OnCluster reckoning = Reckoning.assertExactOnCluster(pipeline, ledger, watcher, admin);
			Oracle oracle = reckoning.oracle();
			Map<String, QueryProbe.PhaseCounts> phases = probe.phases();
			assertThat(probe.wrong()).as("answers other than the exact totals or 503").isEmpty();
			assertThat(probe.answeredWhileReporting())
				.as("totals answered while reports flowed, within what was ever sent")
				.allSatisfy((totals) -> assertThat(totals.atMost(ledger.ceiling())).as("%s", totals).isTrue());
			assertThat(phases.values()).as("answers in every phase")
				.allSatisfy((counts) -> assertThat(counts.answers).isPositive());
			List<String> topics = reckoning.topics();
			timeline.mark("checked");
			System.out.printf("aggregator instances: %d reports, %s; 3 instances on 3 nodes, 1 cut off for longer "
					+ "than the session timeout and healed, 2 killed one after the other; answers per phase: %s; "
					+ "%d topics with 3 replicas and min.insync.replicas 2; oracle read %d records; "
					+ "%d committed totals records checked; timeline: %s%n", ledger.reports(), ledger.summary(), phases,
					topics.size(), oracle.recordsRead(), watcher.recordsSeen(), timeline);
		}
	}

	/**
	 * Waits until every instance asked answers the exact totals the accepted reports
	 * make, at the version the findings topics give, from an active store, and none from
	 * an instance that is gone.
	 * @return the totals
	 */
	private static Answers.Versioned awaitExactEverywhere(Pipeline pipeline, Ledger ledger, Set<ServiceProcess> asked,
			Set<String> gone) {
		Answers.Versioned exact = new Answers.Versioned(
				Oracle.read(pipeline.clientProperties(), Set.of()).version(OPERATION), ledger.expectedTotals());
		Awaitility.await("the exact totals at version " + exact.version() + " from " + asked)
			.atMost(SETTLE)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> {
				for (ServiceProcess instance : asked) {
					Answers.Answer answer = Answers.ask(instance.url(""), OPERATION);
					assertThat(answer.status()).as("status from %s", instance).isEqualTo(200);
					assertThat(answer.totals()).as("totals from %s", instance).isEqualTo(exact);
					assertThat(answer.standbyLag()).as("an active store answered %s", instance).isNull();
					assertThat(answer.servedBy()).as("served by").isNotIn(gone);
				}
			});
		return exact;
	}

	/**
	 * The instance whose active store holds the operation: the one that serves the exact
	 * totals without a standby lag.
	 */
	private static ServiceProcess holder(Set<ServiceProcess> live, Answers.Versioned settled) {
		ServiceProcess asked = live.iterator().next();
		String servedBy = Awaitility.await("the holder of " + OPERATION)
			.atMost(SETTLE)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				Answers.Answer answer = Answers.ask(asked.url(""), OPERATION);
				boolean fromHolder = answer.status() == 200 && answer.standbyLag() == null
						&& settled.equals(answer.totals());
				return fromHolder ? answer.servedBy() : null;
			}, Objects::nonNull);
		return live.stream()
			.filter((instance) -> QueryProbe.address(instance).equals(servedBy))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No live instance is " + servedBy));
	}

	private static Set<ServiceProcess> without(Set<ServiceProcess> instances, ServiceProcess one) {
		Set<ServiceProcess> rest = new LinkedHashSet<>(instances);
		rest.remove(one);
		return rest;
	}

}
