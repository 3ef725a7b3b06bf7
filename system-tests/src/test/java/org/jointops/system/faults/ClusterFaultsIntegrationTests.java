package org.jointops.system.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;
import org.jointops.system.observe.CouncilTotalsWatcher;
import org.jointops.system.oracle.Oracle;
import org.jointops.system.traffic.Agencies;
import org.jointops.system.traffic.Ledger;
import org.jointops.system.traffic.ReportPlans;
import org.jointops.system.traffic.Submission;
import org.jointops.testsupport.process.BrokerProcess;
import org.jointops.testsupport.process.KafkaCluster;
import org.jointops.testsupport.process.Network;
import org.jointops.testsupport.process.Pipeline;
import org.jointops.testsupport.process.ServiceProcess;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broker faults on a cluster of three Kafka nodes (every topic with three replicas, two
 * of them in sync for a write), under load, with a producer service and the aggregator,
 * each broker and service in a network namespace of its own on one bridge
 * ({@link Network}):
 * <ol>
 * <li>The node leading a findings partition is cut off (its link down) for longer than
 * the broker session timeout: the other two fence it and lead its partitions, and reports
 * go on being answered 202, each on the two replicas that {@code min.insync.replicas}
 * requires; once healed it catches up.</li>
 * <li>The other two nodes are cut off, leaving the leader of a findings partition alone:
 * reachable by the producer service, it takes new revisions of that partition's reports
 * into its own log (one replica), but cannot acknowledge them: every one is answered 503,
 * and no report at all is answered 202 while it is alone. After healing, the refused
 * revisions are posted again.</li>
 * <li>With new traffic, the node leading a findings partition is killed ({@code SIGKILL})
 * and brought back, then the node leading the busiest partition of the aggregator's
 * changelogs, in the middle of an aggregator transaction: while a node is dead the
 * producers go on answering 202 and the aggregator goes on committing totals.</li>
 * </ol>
 * No service is restarted. The run ends in the four-way equality of every fault test:
 * each report answered 202 is in the findings topics and counted, exactly once.
 */
class ClusterFaultsIntegrationTests {

	private static final List<String> STATES = List.of("KAZ");

	private static final String FINDINGS = Topics.findings("KAZ");

	private static final int PROBES = 3;

	private static final Duration HEAL = Duration.ofMinutes(2);

	@Test
	void brokersCutOffOrKilledNeitherLoseNorDoubleCountAndNoReportIsAnswered202WithoutTwoReplicas() throws Exception {
		Network.assumeUsable();
		Random random = new Random(20171016L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "partition", 150, 3);
		List<Submission> killsPlan = ReportPlans.growing(random, STATES, "leaders", 220, 3);
		Ledger ledger = new Ledger();
		Timeline timeline = new Timeline();
		try (Network network = Network.create("jopart");
				Pipeline pipeline = Pipeline.in(FaultRuns.directory("cluster-faults"))
					.brokers(3)
					.on(network)
					.states(STATES.toArray(String[]::new))
					.start();
				CouncilTotalsWatcher watcher = CouncilTotalsWatcher.start(pipeline.clientProperties());
				Admin admin = pipeline.cluster().admin();
				Agencies agencies = new Agencies(FaultRuns.reportUrls(pipeline), ledger, 3, Duration.ofMillis(150),
						Duration.ofMinutes(3))) {
			KafkaCluster cluster = pipeline.cluster();
			timeline.mark("started");
			// the probes' first revisions, before the traffic (which shares the agencies'
			// clients): their report ids get an owner, so that a second revision goes
			// straight to the findings partition
			TopicPartition probed = new TopicPartition(FINDINGS, 0);
			List<Submission> firstRevisions = new ArrayList<>();
			List<Submission> secondRevisions = new ArrayList<>();
			for (int i = 0; i < PROBES; i++) {
				String reportId = probeId(probed.partition(), i);
				firstRevisions.add(probe(reportId, 1, i));
				secondRevisions.add(probe(reportId, 2, i));
			}
			agencies.postAll(firstRevisions);
			CompletableFuture<Void> traffic = agencies.post(plan);

			// 1. a partition's leader cut off for longer than the session timeout
			FaultRuns.awaitAccepted(ledger, plan.size() / 5);
			int isolated = cluster.leaderOf(new TopicPartition(FINDINGS, 0));
			BrokerProcess isolatedNode = cluster.broker(isolated);
			long cutAt = System.nanoTime();
			int acceptedAtCut = ledger.acceptedAnswers();
			network.cut(isolatedNode.host());
			timeline.mark("node " + isolated + " cut off");
			awaitFenced(admin, cluster, isolated);
			timeline.mark("fenced");
			int acceptedWhenFenced = ledger.acceptedAnswers();
			FaultRuns.awaitAccepted(ledger, acceptedWhenFenced + 10);
			timeline.mark("10 more accepted");
			Duration cutFor = Duration.ofNanos(System.nanoTime() - cutAt);
			assertThat(cutFor).as("cut off for").isGreaterThan(BrokerProcess.CLUSTER_SESSION_TIMEOUT);
			int acceptedWhileCut = ledger.acceptedAnswers() - acceptedAtCut;
			network.heal(isolatedNode.host());
			timeline.mark("healed");
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");

			// 2. a leader alone: the two other nodes cut off
			int alone = cluster.leaderOf(probed);
			List<BrokerProcess> cutOff = cluster.brokers().stream().filter((node) -> node.nodeId() != alone).toList();
			boolean trafficWhileAlone = !traffic.isDone();
			cutOff.forEach((node) -> network.cut(node.host()));
			timeline.mark("nodes " + cutOff.stream().map(BrokerProcess::nodeId).toList() + " cut off, node " + alone
					+ " alone");
			List<Integer> answers = new ArrayList<>();
			int acceptedWhenAlone = -1;
			for (Submission revision : secondRevisions) {
				answers.add(agencies.postOnce(revision));
				if (acceptedWhenAlone < 0) {
					// the first answer took at least the producer's delivery timeout:
					// whatever was acknowledged before the cut has been answered by now
					acceptedWhenAlone = ledger.acceptedAnswers();
				}
			}
			int acceptedWhileAlone = ledger.acceptedAnswers() - acceptedWhenAlone;
			timeline.mark("probes answered");
			cutOff.forEach((node) -> network.heal(node.host()));
			timeline.mark("healed");
			assertThat(answers)
				.as("answers to second revisions of reports of %s, whose leader %d is cut off from both followers",
						probed, alone)
				.containsOnly(503);
			assertThat(acceptedWhileAlone).as("reports answered 202 while node %d was alone", alone).isZero();
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");
			agencies.postAll(secondRevisions);
			traffic.join();
			timeline.mark("traffic done");

			// 3. leaders killed under new traffic
			CompletableFuture<Void> killsTraffic = agencies.post(killsPlan);
			int acceptedBeforeKills = ledger.acceptedAnswers();
			FaultRuns.awaitAccepted(ledger, acceptedBeforeKills + killsPlan.size() / 6);
			TopicPartition findings = new TopicPartition(FINDINGS, 0);
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
			TopicPartition changelog = busiestChangelogPartition(admin, findingsLeader);
			int changelogLeader = cluster.leaderOf(changelog);
			assertThat(killsTraffic).as("traffic still flowing before the changelog's leader is killed").isNotDone();
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
			killsTraffic.join();
			timeline.mark("traffic done");

			Reckoning.OnCluster reckoning = Reckoning.assertExactOnCluster(pipeline, ledger, watcher, admin);
			Oracle oracle = reckoning.oracle();
			List<String> topics = reckoning.topics();
			timeline.mark("checked");
			assertThat(pipeline.producers().values().stream().map(ServiceProcess::jvm).map((jvm) -> jvm.starts()))
				.as("producer starts")
				.containsOnly(1);
			assertThat(pipeline.aggregator().jvm().starts()).as("aggregator starts").isEqualTo(1);
			System.out.printf("cluster faults: %d reports, %s; node %d (leader of %s-0) cut off for %d ms "
					+ "(session timeout %d ms), %d reports accepted meanwhile; nodes %s cut off, node %d alone: "
					+ "%d second revisions to %s answered %s, no 202 at all while alone (traffic still posting: %s); "
					+ "node %d (leader of %s) and node %d (leader of %s) killed and restarted; no service restarted; "
					+ "%d topics with 3 replicas and min.insync.replicas 2; oracle read %d records; "
					+ "%d committed totals records checked; timeline: %s%n", ledger.reports(), ledger.summary(),
					isolated, FINDINGS, cutFor.toMillis(), BrokerProcess.CLUSTER_SESSION_TIMEOUT.toMillis(),
					acceptedWhileCut, cutOff.stream().map(BrokerProcess::nodeId).toList(), alone, answers.size(),
					probed, answers, trafficWhileAlone, findingsLeader, findings, changelogLeader, changelog,
					topics.size(), oracle.recordsRead(), watcher.recordsSeen(), timeline);
		}
	}

	/**
	 * Waits until the other nodes have fenced a node: not a live broker, leader of no
	 * partition, in no in-sync replica set.
	 */
	private static void awaitFenced(Admin admin, KafkaCluster cluster, int node) {
		Awaitility.await("node " + node + " fenced")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				assertThat(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id))
					.as("live brokers")
					.hasSize(cluster.size() - 1)
					.doesNotContain(node);
				for (TopicDescription topic : describeAll(admin)) {
					for (TopicPartitionInfo partition : topic.partitions()) {
						assertThat(partition.leader()).as("leader of %s-%d", topic.name(), partition.partition())
							.isNotNull()
							.extracting(Node::id)
							.isNotEqualTo(node);
						assertThat(partition.isr().stream().map(Node::id))
							.as("in-sync replicas of %s-%d", topic.name(), partition.partition())
							.doesNotContain(node);
					}
				}
			});
	}

	/** A report id that the producer writes to the partition. */
	private static String probeId(int partition, int index) {
		for (int i = 0;; i++) {
			String reportId = "probe-" + index + "-" + i;
			if (FaultRuns.partitionOf(reportId, 3) == partition) {
				return reportId;
			}
		}
	}

	/** A revision of a probe report, its figure growing with the revision. */
	private static Submission probe(String reportId, int revision, int index) {
		return new Submission("KAZ", reportId, revision, 1, false,
				List.of(new Submission.Line("IMMIGRATION_LAW_VIOLATIONS",
						BigDecimal.valueOf(10L * (index + 1) + revision), null)));
	}

	private static List<TopicDescription> describeAll(Admin admin) throws Exception {
		Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
			.names()
			.get(10, TimeUnit.SECONDS);
		return List.copyOf(admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values());
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
