package org.jointops.system.faults;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.KafkaCluster;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.testsupport.process.ServiceProcess;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a cluster of three Kafka nodes (every topic with three replicas, two of them in sync
 * for a write), under load: the node leading a findings partition is killed
 * ({@code SIGKILL}) and brought back, then the node leading the busiest partition of the
 * aggregator's changelogs, in the middle of an aggregator transaction. While a node is
 * dead the producers go on answering 202 and the aggregator goes on committing totals; no
 * service is restarted; nothing is lost or counted twice.
 */
class ClusterLeaderKillsIntegrationTests {

	private static final List<String> STATES = List.of("KAZ", "KGZ");

	private static final Duration HEAL = Duration.ofMinutes(2);

	@Test
	void killingTheLeadersOfAFindingsAndOfAChangelogPartitionNeitherLosesNorDoubleCounts() throws Exception {
		Random random = new Random(20171012L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "leaders", 200, 3);
		Ledger ledger = new Ledger();
		Timeline timeline = new Timeline();
		try (Pipeline pipeline = Pipeline.in(FaultRuns.directory("cluster-leaders-killed"))
			.brokers(3)
			.states(STATES.toArray(String[]::new))
			.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.cluster().admin();
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(200),
						Duration.ofMinutes(3))) {
			KafkaCluster cluster = pipeline.cluster();
			timeline.mark("started");
			CompletableFuture<Void> traffic = agencies.post(plan);

			FaultRuns.awaitAccepted(ledger, plan.size() / 5);
			TopicPartition findings = new TopicPartition(Topics.findings("KAZ"), 0);
			int findingsLeader = cluster.leaderOf(findings);
			cluster.broker(findingsLeader).kill();
			timeline.mark("node " + findingsLeader + " killed");
			FaultRuns.awaitLedWithout(admin, findings, findingsLeader);
			timeline.mark("led elsewhere");
			// the cluster takes reports on two nodes
			FaultRuns.awaitAccepted(ledger, ledger.acceptedAnswers() + 20);
			cluster.broker(findingsLeader).start();
			timeline.mark("restarted");
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");

			FaultRuns.awaitAccepted(ledger, plan.size() * 2 / 5);
			TopicPartition changelog = busiestChangelogPartition(admin, findingsLeader);
			int changelogLeader = cluster.leaderOf(changelog);
			FaultRuns.awaitOpenAggregatorTransaction(admin);
			cluster.broker(changelogLeader).kill();
			timeline.mark("node " + changelogLeader + " killed");
			FaultRuns.awaitLedWithout(admin, changelog, changelogLeader);
			timeline.mark("led elsewhere");
			// the aggregator commits totals with its changelog on two nodes
			int committed = watcher.recordsSeen();
			Awaitility.await("totals committed with node " + changelogLeader + " dead")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> watcher.recordsSeen() > committed);
			timeline.mark("totals committed");
			cluster.broker(changelogLeader).start();
			timeline.mark("restarted");
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");
			traffic.join();
			timeline.mark("traffic done");

			Reckoning.OnCluster reckoning = Reckoning.assertExactOnCluster(pipeline, ledger, watcher, admin);
			Oracle oracle = reckoning.oracle();
			List<String> topics = reckoning.topics();
			timeline.mark("checked");
			assertThat(pipeline.producers().values().stream().map(ServiceProcess::jvm).map((jvm) -> jvm.starts()))
				.as("producer starts")
				.containsOnly(1);
			assertThat(pipeline.aggregator().jvm().starts()).as("aggregator starts").isEqualTo(1);
			System.out.printf(
					"cluster leaders killed: %d reports, %s; node %d (leader of %s) and node %d (leader of %s) "
							+ "killed and restarted, no service restarted; %d topics with 3 replicas and "
							+ "min.insync.replicas 2; oracle read %d records; %d committed totals records checked; "
							+ "timeline: %s%n",
					ledger.reports(), ledger.summary(), findingsLeader, findings, changelogLeader, changelog,
					topics.size(), oracle.recordsRead(), watcher.recordsSeen(), timeline);
		}
	}

	/**
	 * The partition of the aggregator's changelogs with the most records, preferring one
	 * that a given node does not lead (so that another node is killed).
	 */
	private static TopicPartition busiestChangelogPartition(Admin admin, int avoid) throws Exception {
		String prefix = FaultRuns.AGGREGATOR_APPLICATION + "-";
		Set<String> changelogs = admin.listTopics()
			.names()
			.get(10, TimeUnit.SECONDS)
			.stream()
			.filter((name) -> name.startsWith(prefix) && name.endsWith("-changelog"))
			.collect(Collectors.toSet());
		Map<String, TopicDescription> descriptions = admin.describeTopics(changelogs)
			.allTopicNames()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, Integer> leaders = descriptions.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> Map.entry(new TopicPartition(topic.name(), partition.partition()),
						partition.leader().id())))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin
			.listOffsets(leaders.keySet()
				.stream()
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
			.all()
			.get(10, TimeUnit.SECONDS);
		return ends.entrySet()
			.stream()
			.filter((end) -> end.getValue().offset() > 0)
			.max(Comparator.<Map.Entry<TopicPartition, ListOffsetsResultInfo>, Boolean>comparing(
					(end) -> leaders.get(end.getKey()) != avoid)
				.thenComparing((end) -> end.getValue().offset()))
			.map(Map.Entry::getKey)
			.orElseThrow(() -> new AssertionError("No changelog partition has records: " + changelogs));
	}

}
