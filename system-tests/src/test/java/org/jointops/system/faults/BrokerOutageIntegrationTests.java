package org.jointops.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
import org.jointops.testsupport.process.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker is killed ({@code SIGKILL}) and restarted, and paused ({@code SIGSTOP}) for
 * longer than the producers' request timeout, several times. No service is restarted.
 */
class BrokerOutageIntegrationTests {

	private static final List<String> STATES = List.of("KAZ");

	/** The producer service's Kafka request timeout (state-producer.yml). */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

	private enum Outage {

		KILL, PAUSE

	}

	private static final List<Outage> OUTAGES = List.of(Outage.KILL, Outage.PAUSE);

	@Test
	void whileTheBrokerIsGoneProducersAnswer503AndEverythingResumesWhenItIsBack() {
		Random random = new Random(20171006L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "outage", 100, 2);
		int slice = plan.size() / (OUTAGES.size() + 1);
		Ledger ledger = new Ledger();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("broker-outages"))
			.states(STATES.toArray(String[]::new))
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.broker().admin();
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 2, Duration.ZERO,
						Duration.ofMinutes(3))) {
			ServiceProcess producer = pipeline.producer("KAZ");
			ServiceProcess aggregator = pipeline.aggregator();
			agencies.postAll(plan.subList(0, slice));
			for (int i = 0; i < OUTAGES.size(); i++) {
				Outage outage = OUTAGES.get(i);
				long since = System.nanoTime();
				if (outage == Outage.KILL) {
					pipeline.broker().kill();
				}
				else {
					pipeline.broker().pause();
				}
				Submission probe = new Submission("KAZ", "probe-" + i, 1, 1, false,
						List.of(new Submission.Line("IMMIGRATION_LAW_VIOLATIONS", java.math.BigDecimal.ONE, null)));
				assertThat(agencies.postOnce(probe)).as("answer while the broker is %s", outage).isEqualTo(503);
				awaitHealth(producer, false);
				awaitHealth(aggregator, false);
				if (outage == Outage.KILL) {
					pipeline.broker().start();
				}
				else {
					assertThat(Duration.ofNanos(System.nanoTime() - since)).as("paused for")
						.isGreaterThan(REQUEST_TIMEOUT);
					pipeline.broker().resume();
				}
				awaitHealth(producer, true);
				awaitHealth(aggregator, true);
				List<Submission> next = new ArrayList<>(List.of(probe));
				next.addAll(plan.subList(slice * (i + 1), (i == OUTAGES.size() - 1) ? plan.size() : slice * (i + 2)));
				agencies.postAll(next);
			}

			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Transactions.awaitNoneHanging(admin, Duration.ofSeconds(60));
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			assertThat(producer.jvm().starts()).as("producer starts").isEqualTo(1);
			assertThat(aggregator.jvm().starts()).as("aggregator starts").isEqualTo(1);
			System.out.printf(
					"broker outages: %d reports, %s; broker killed %d and paused %d times, "
							+ "no service restarted; oracle read %d records; %d committed totals records checked%n",
					ledger.reports(), ledger.summary(), 2, 1, oracle.recordsRead(), watcher.recordsSeen());
		}
	}

	private static void awaitHealth(ServiceProcess service, boolean up) {
		Awaitility.await(service.name() + (up ? " UP" : " DOWN"))
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> (service.healthStatus() == 200) == up);
	}

}
