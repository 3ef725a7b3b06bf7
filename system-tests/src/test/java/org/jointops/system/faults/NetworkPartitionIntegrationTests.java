package org.jointops.system.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
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
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real network partitions: a cluster of three Kafka nodes, a producer service and the
 * aggregator, each in a network namespace of its own on one bridge ({@link Network}),
 * under load.
 * <ol>
 * <li>The node leading a findings partition is cut off (its link down) for longer than
 * the broker session timeout: the other two fence it and lead its partitions, and reports
 * go on being answered 202, each on the two replicas that {@code min.insync.replicas}
 * requires; once healed it catches up.</li>
 * <li>The other two nodes are cut off, leaving the leader of a findings partition alone:
 * reachable by the producer service, it takes new revisions of that partition's reports
 * into its own log (one replica), but cannot acknowledge them: every one is answered 503,
 * and no report at all is answered 202 while it is alone.</li>
 * </ol>
 * After healing, the producer answers 202 again; the refused revisions are posted again.
 * The run ends in the four-way equality of every fault test: each report answered 202 is
 * in the findings topics and counted, exactly once.
 */
class NetworkPartitionIntegrationTests {

	private static final List<String> STATES = List.of("KAZ");

	private static final String FINDINGS = Topics.findings("KAZ");

	private static final int PROBES = 3;

	private static final Duration HEAL = Duration.ofMinutes(2);

	@Test
	void aNodeCutOffIsFencedAndRejoinsAndNoReportIsAnswered202WithoutTwoReplicas() throws Exception {
		Network.assumeUsable();
		Random random = new Random(20171016L);
		List<Submission> plan = ReportPlans.growing(random, STATES, "partition", 200, 3);
		Ledger ledger = new Ledger();
		Timeline timeline = new Timeline();
		try (Network network = Network.create("jopart");
				Pipeline pipeline = Pipeline.in(FaultRuns.directory("network-partitions"))
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

			Reckoning.OnCluster reckoning = Reckoning.assertExactOnCluster(pipeline, ledger, watcher, admin);
			Oracle oracle = reckoning.oracle();
			List<String> topics = reckoning.topics();
			timeline.mark("checked");
			System.out.printf("network partitions: %d reports, %s; node %d (leader of %s-0) cut off for %d ms "
					+ "(session timeout %d ms), %d reports accepted meanwhile; nodes %s cut off, node %d alone: "
					+ "%d second revisions to %s answered %s, no 202 at all while alone (traffic still posting: %s); "
					+ "%d topics with 3 replicas and min.insync.replicas 2; oracle read %d records; %d committed totals records checked; "
					+ "timeline: %s%n", ledger.reports(), ledger.summary(), isolated, FINDINGS, cutFor.toMillis(),
					BrokerProcess.CLUSTER_SESSION_TIMEOUT.toMillis(), acceptedWhileCut,
					cutOff.stream().map(BrokerProcess::nodeId).toList(), alone, answers.size(), probed, answers,
					trafficWhileAlone, topics.size(), oracle.recordsRead(), watcher.recordsSeen(), timeline);
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

}
