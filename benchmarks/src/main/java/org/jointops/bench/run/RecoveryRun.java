package org.jointops.bench.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jointops.bench.load.Latencies;
import org.jointops.bench.report.Results;
import org.jointops.bench.report.Status;
import org.jointops.bench.report.Target;
import org.jointops.testsupport.Directories;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * Recovery: the caught-up exactly-once aggregator of the reference shape is killed
 * ({@code SIGKILL}), its local state deleted, and started again. Timed: until its totals
 * are exact again (from the kill), and the restore (from its consumer group becoming
 * stable with it to its health reporting UP, when Kafka Streams is running again), whose
 * records are those of its changelog topics.
 */
final class RecoveryRun {

	/** The row of the time until totals are exact again. */
	static final String EXACT = "recovery.exact";

	/** The row of the restore rate. */
	static final String RESTORE = "recovery.restore-rate";

	private static final String GROUP = "Recovery after kill -9, local state removed";

	private RecoveryRun() {
	}

	static void plan(Results results, BenchOptions options) {
		results.plan(EXACT, GROUP, "From kill -9 until the totals are exact again", "s", null);
		results.plan(RESTORE, GROUP, "Restore from the changelog topics", "records/s",
				CatchUpRun.consumerPerformance(options.reference()));
		results.target(new Target("Restore after kill -9 ≥ 50% of ConsumerPerformance records/s", RESTORE,
				CatchUpRun.consumerPerformance(options.reference()), Target.Kind.AT_LEAST, 0.50));
	}

	static void run(Deployment deployment, Results results, CatchUpRun.Running running, Duration timeout) {
		ServiceProcess aggregator = running.aggregator();
		String group = deployment.topics().streamsApplicationId(running.applicationId());
		long changelog = deployment.topics().changelogRecords(group);
		Set<String> killedMembers = deployment.topics().members(group);
		Say.line("Recovery: kill -9 %s, delete its state, start it again (%,d changelog records)", group, changelog);
		deployment.dumpRecording(aggregator, "before-kill");
		long killed = System.nanoTime();
		aggregator.kill();
		Directories.deleteRecursively(running.stateDirectory());
		aggregator.start();
		long answering = -1;
		long stable = -1;
		long up = -1;
		long deadline = killed + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			long now = System.nanoTime();
			if (!aggregator.jvm().isAlive()) {
				break;
			}
			int health = aggregator.healthStatus();
			if (answering < 0 && health != -1) {
				answering = now;
			}
			if (answering >= 0 && stable < 0 && deployment.topics().isStableWithout(group, killedMembers)) {
				stable = now;
			}
			if (up < 0 && health == 200) {
				up = now;
			}
			if (up >= 0 && running.check().exact(aggregator)) {
				long exact = System.nanoTime();
				long restoreFrom = (stable >= 0) ? stable : answering;
				double restoreSeconds = (up - restoreFrom) / 1e9;
				results.measured(EXACT, (exact - killed) / 1e9, Latencies.NONE,
						String.format(Locale.ROOT,
								"JVM start to HTTP answering %.1f s, to its group stable %.1f s, to UP %.1f s",
								(answering - killed) / 1e9, (restoreFrom - killed) / 1e9, (up - killed) / 1e9));
				results.measured(RESTORE, changelog / restoreSeconds, Latencies.NONE, String.format(Locale.ROOT,
						"%,d changelog records (offsets, transaction markers included) in %.1f s, from its group "
								+ "stable to health UP",
						changelog, restoreSeconds));
				Say.line("  exact again after %.1f s; restore %,.0f records/s", (exact - killed) / 1e9,
						changelog / restoreSeconds);
				return;
			}
			Procs.pause(100);
		}
		String reason = aggregator.jvm().isAlive() ? "totals not exact within " + timeout.toSeconds() + " s"
				: "the aggregator exited; see its log";
		results.mark(EXACT, Status.FAILED, Double.NaN, reason);
		results.mark(RESTORE, Status.FAILED, Double.NaN, reason);
	}

}
