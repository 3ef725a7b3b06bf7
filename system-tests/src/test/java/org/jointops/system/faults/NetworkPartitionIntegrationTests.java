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
import org.jointops.system.observe.Replication;
import org.jointops.system.observe.Transactions;
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
 * <li>The node leading the KRaft quorum is cut off (its links down) for longer than the
 * broker session timeout: the other two elect a controller, fence it and lead its
 * partitions, and reports go on being answered 202; once healed it catches up.</li>
 * <li>Two nodes lose their client links (they stay in the controller quorum, as on a
 * failed data network): the third, alone with its partitions, drops them from its in-sync
 * replicas, and a report written to one of its partitions is answered 503, never 202,
 * although its leader is up and reachable; with {@code min.insync.replicas} 1 it would be
 * answered 202 with one copy.</li>
 * </ol>
 * After healing, the producer answers 202 again and the findings topics hold exactly the
 * reports answered 202.
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
		List<Submission> plan = ReportPlans.growing(random, STATES, "partition", 250, 3);
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
			CompletableFuture<Void> traffic = agencies.post(plan);

			// 1. the active controller cut off for longer than the session timeout
			FaultRuns.awaitAccepted(ledger, plan.size() / 5);
			int isolated = cluster.activeController();
			BrokerProcess isolatedNode = cluster.broker(isolated);
			long cutAt = System.nanoTime();
			network.cut(isolatedNode.host());
			timeline.mark("node " + isolated + " cut off");
			awaitFenced(admin, cluster, isolated);
			timeline.mark("fenced");
			Duration cutFor = Duration.ofNanos(System.nanoTime() - cutAt);
			assertThat(cutFor).as("cut off for").isGreaterThan(BrokerProcess.CLUSTER_SESSION_TIMEOUT);
			FaultRuns.awaitAccepted(ledger, ledger.acceptedAnswers() + 20);
			int newController = cluster.activeController();
			assertThat(newController).as("the active controller while node %d is cut off", isolated)
				.isNotEqualTo(isolated);
			network.heal(isolatedNode.host());
			timeline.mark("healed");
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");

			// 2. two nodes lose their client links; the third leads alone
			int survivor = cluster.leaderOf(new TopicPartition(FINDINGS, 0));
			List<Integer> survivorsPartitions = partitionsLedBy(admin, survivor);
			List<BrokerProcess> cutOff = cluster.brokers()
				.stream()
				.filter((node) -> node.nodeId() != survivor)
				.toList();
			List<Submission> probes = new ArrayList<>();
			cutOff.forEach((node) -> network.cut(node.host(), Network.Lan.CLIENTS));
			timeline.mark("client links of " + cutOff.stream().map(BrokerProcess::nodeId).toList() + " cut");
			// a report to each of its partitions leaves the followers behind, so that the
			// leader drops them from its in-sync replicas (followers without anything to
			// fetch stay in sync)
			List<Integer> answers = new ArrayList<>();
			for (int partition : survivorsPartitions) {
				Submission probe = probeTo(List.of(partition), "behind-" + partition);
				probes.add(probe);
				answers.add(agencies.postOnce(probe));
			}
			awaitAloneInSync(admin, survivorsPartitions, survivor);
			timeline.mark("node " + survivor + " alone in sync");
			for (int i = 0; i < PROBES; i++) {
				Submission probe = probeTo(survivorsPartitions, "alone-" + i);
				probes.add(probe);
				answers.add(agencies.postOnce(probe));
			}
			assertThat(answers)
				.as("answers to reports for the partitions %s of node %d, cut off from its followers",
						survivorsPartitions, survivor)
				.containsOnly(503);
			timeline.mark("probes answered");
			cutOff.forEach((node) -> network.heal(node.host()));
			timeline.mark("healed");
			cluster.awaitFullyReplicated(HEAL);
			timeline.mark("in sync");
			agencies.postAll(probes);
			traffic.join();
			timeline.mark("traffic done");

			Oracle oracle = Reckoning.assertExact(pipeline, ledger, Set.of());
			Transactions.awaitNoneHanging(admin, Duration.ofSeconds(60));
			Reckoning.assertNeverOvercounted(watcher, oracle, ledger.ceiling());
			Reckoning.assertNeverWentBackwards(watcher);
			List<String> topics = Replication.assertEveryTopic(admin, 3, 2);
			timeline.mark("checked");
			System.out.printf("network partitions: %d reports, %s; node %d (active controller) cut off for %d ms "
					+ "(session timeout %d ms), node %d took over; client links of nodes %s cut: %d reports to "
					+ "partitions %s of node %d answered %s; %d topics with 3 replicas and min.insync.replicas 2; "
					+ "oracle read %d records; %d committed totals records checked; timeline: %s%n", ledger.reports(),
					ledger.summary(), isolated, cutFor.toMillis(), BrokerProcess.CLUSTER_SESSION_TIMEOUT.toMillis(),
					newController, cutOff.stream().map(BrokerProcess::nodeId).toList(), probes.size(),
					survivorsPartitions, survivor, answers, topics.size(), oracle.recordsRead(), watcher.recordsSeen(),
					timeline);
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

	/**
	 * Waits until a node is the only in-sync replica of its partitions of the findings
	 * topic: below {@code min.insync.replicas}.
	 */
	private static void awaitAloneInSync(Admin admin, List<Integer> partitions, int node) {
		Awaitility.await("node " + node + " alone in sync for " + FINDINGS + " " + partitions)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				List<TopicPartitionInfo> described = findings(admin).partitions();
				for (int partition : partitions) {
					TopicPartitionInfo info = described.get(partition);
					assertThat(info.leader().id()).as("leader of %d", partition).isEqualTo(node);
					assertThat(info.isr().stream().map(Node::id)).as("in-sync replicas of %d", partition)
						.containsExactly(node);
				}
			});
	}

	private static List<Integer> partitionsLedBy(Admin admin, int node) throws Exception {
		return findings(admin).partitions()
			.stream()
			.filter((partition) -> partition.leader() != null && partition.leader().id() == node)
			.map(TopicPartitionInfo::partition)
			.toList();
	}

	/**
	 * A new report, as a ministry would post it, that the producer writes to one of the
	 * partitions.
	 */
	private static Submission probeTo(List<Integer> partitions, String name) {
		for (int i = 0;; i++) {
			String reportId = "probe-" + name + "-" + i;
			if (partitions.contains(FaultRuns.partitionOf(reportId, 3))) {
				return new Submission("KAZ", reportId, 1, 1, false,
						List.of(new Submission.Line("IMMIGRATION_LAW_VIOLATIONS", BigDecimal.valueOf(i + 1), null)));
			}
		}
	}

	private static TopicDescription findings(Admin admin) throws Exception {
		return admin.describeTopics(List.of(FINDINGS)).allTopicNames().get(10, TimeUnit.SECONDS).get(FINDINGS);
	}

	private static List<TopicDescription> describeAll(Admin admin) throws Exception {
		Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
			.names()
			.get(10, TimeUnit.SECONDS);
		return List.copyOf(admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values());
	}

}
