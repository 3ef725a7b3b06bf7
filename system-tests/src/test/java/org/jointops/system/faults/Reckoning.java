package org.jointops.system.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.jointops.system.observe.Answers;
import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.observe.Replication;
import org.jointops.system.observe.Transactions;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.oracle.Totals;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.testsupport.process.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How every fault test ends: the test's ledger of {@code 202} answers, the oracle's
 * recomputation from the findings topics, the aggregator's API and the latest committed
 * {@code council.totals} record must all agree, to the unit.
 */
final class Reckoning {

	/** How long the aggregator may take to catch up once the traffic has stopped. */
	private static final Duration CATCH_UP = Duration.ofSeconds(120);

	private Reckoning() {
	}

	/**
	 * Asserts that everything agrees, waiting for the aggregator to catch up.
	 * @param pipeline the deployment
	 * @param ledger what the test sent and got 202 for
	 * @param broken report keys written to break a rule on purpose
	 * @return the oracle's reading, for the test's own counts
	 */
	static Oracle assertExact(Pipeline pipeline, Ledger ledger, Set<String> broken) {
		assertThat(ledger.rejections()).as("valid reports refused").isEmpty();
		Oracle oracle = Oracle.read(pipeline.clientProperties(), broken);
		Totals expected = ledger.expectedTotals();
		assertThat(oracle.countedRevisions()).as("the revision that counts, per report: findings topics vs 202s")
			.isEqualTo(ledger.acceptedRevisions());
		assertThat(oracle.totals()).as("oracle vs the test's ledger").isEqualTo(expected);
		// the final version with the final totals: the figures alone can already agree
		// while a report and its withdrawal are still on their way
		Answers.Versioned wanted = new Answers.Versioned(oracle.version(Submission.OPERATION), expected);
		Awaitility.await("the aggregator's API agreeing with the oracle at version " + wanted.version())
			.atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(anyAnswer(pipeline.aggregators())).isEqualTo(wanted));
		Awaitility.await("council.totals agreeing with the oracle at version " + wanted.version())
			.atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(Answers.fromCouncilTotalsTopic(pipeline.clientProperties()))
				.isEqualTo(Map.of(Submission.OPERATION, wanted)));
		return oracle;
	}

	/**
	 * Every committed totals record the watcher saw, up to the final version, must have a
	 * growing version, no negative figure, and none above the final totals.
	 * @param watcher the watcher
	 * @param oracle the oracle's reading, for the final version
	 * @param finalTotals the totals everything converged to
	 */
	static void assertNeverOvercounted(CouncilTotalsWatcher watcher, Oracle oracle, Totals finalTotals) {
		long version = oracle.version(Submission.OPERATION);
		Awaitility.await("the watcher at version " + version)
			.atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> watcher.version(Submission.OPERATION) >= version);
		assertThat(watcher.version(Submission.OPERATION)).as("the last version on council.totals").isEqualTo(version);
		assertThat(watcher.violations()).as("versions that did not grow").isEmpty();
		List<Totals> seen = watcher.seen().getOrDefault(Submission.OPERATION, List.of());
		assertThat(seen).as("committed totals records").isNotEmpty();
		assertThat(seen).allSatisfy((totals) -> {
			assertThat(totals.noneNegative()).as("no negative figure in %s", totals).isTrue();
			assertThat(totals.atMost(finalTotals)).as("%s within the final totals %s", totals, finalTotals).isTrue();
		});
	}

	/**
	 * Under traffic that only raises figures, each committed record's figures are at
	 * least the previous record's (after {@link #assertNeverOvercounted}, which waits for
	 * the watcher to see every record).
	 * @param watcher the watcher
	 */
	static void assertNeverWentBackwards(CouncilTotalsWatcher watcher) {
		List<Totals> seen = watcher.seen().getOrDefault(Submission.OPERATION, List.of());
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i - 1).atMost(seen.get(i)))
				.as("record %d of %d (%s) after %s", i + 1, seen.size(), seen.get(i), seen.get(i - 1))
				.isTrue();
		}
	}

	/**
	 * How every fault suite on a three-node cluster ends: the four-way equality, no
	 * transaction left hanging, no committed totals record above the ceiling or going
	 * back, and every topic still with three replicas that need two in sync.
	 * @param pipeline the deployment
	 * @param ledger what the test sent and got 202 for
	 * @param watcher the watcher of {@code council.totals}
	 * @param admin an administrator's client of the cluster
	 * @return the oracle's reading and the topics checked, for the suite's counts
	 */
	static OnCluster assertExactOnCluster(Pipeline pipeline, Ledger ledger, CouncilTotalsWatcher watcher, Admin admin) {
		Oracle oracle = assertExact(pipeline, ledger, Set.of());
		Transactions.awaitNoneHanging(admin, Duration.ofSeconds(60));
		assertNeverOvercounted(watcher, oracle, ledger.ceiling());
		assertNeverWentBackwards(watcher);
		return new OnCluster(oracle, Replication.assertEveryTopic(admin, 3, 2));
	}

	/**
	 * The first instance that answers 200 (with several, the one holding the operation).
	 */
	private static Answers.Versioned anyAnswer(List<ServiceProcess> aggregators) {
		for (ServiceProcess aggregator : aggregators) {
			if (aggregator.jvm().isAlive()) {
				Answers.Versioned totals = Answers.fromApi(aggregator.url(""), Submission.OPERATION);
				if (totals != null) {
					return totals;
				}
			}
		}
		throw new AssertionError("No aggregator instance answered the totals");
	}

	/**
	 * What a cluster suite's reckoning read.
	 *
	 * @param oracle the oracle's reading
	 * @param topics the topics whose replication was checked
	 */
	record OnCluster(Oracle oracle, List<String> topics) {
	}

}
