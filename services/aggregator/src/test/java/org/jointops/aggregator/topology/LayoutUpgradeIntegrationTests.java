package org.jointops.aggregator.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jointops.kafkanode.ClientSecurity;
import org.jointops.kafkanode.KafkaUsers;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the aggregator tells an operator at start, on a real broker and with the
 * aggregator's own Kafka user (its ACLs): the previous state layout's consumer group,
 * internal topics and local state, and whether it rebuilds its state; nothing when no
 * previous layout is left.
 */
class LayoutUpgradeIntegrationTests {

	private static final String BASE = KafkaUsers.AGGREGATOR_APPLICATION_ID;

	private static EmbeddedKafkaNode kafka;

	@TempDir
	Path stateDirectory;

	@BeforeAll
	static void startKafka() {
		kafka = EmbeddedKafkaNode.start();
	}

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void namesWhatThePreviousLayoutLeftAndSaysTheStateIsRebuiltUntilThisLayoutHasCommitted() throws Exception {
		String current = StateLayout.applicationId(BASE);
		kafka.createTopics(TopicBuilder.name(Topics.findings("KAZ")).partitions(1).replicas(1).build(),
				TopicBuilder.name(BASE + "-operation-totals-changelog").partitions(1).replicas(1).build(),
				TopicBuilder.name(BASE + "-reports-by-id-repartition").partitions(1).replicas(1).build(),
				TopicBuilder.name(current + "-ledger-changelog").partitions(1).replicas(1).build());
		commit(BASE);
		Files.createDirectories(this.stateDirectory.resolve(BASE));
		LayoutUpgrade upgrade = new LayoutUpgrade(aggregatorClient(), BASE, this.stateDirectory);

		try (Admin admin = Admin.create(aggregatorClient())) {
			Optional<String> line = upgrade.find(admin);
			assertThat(line).hasValueSatisfying((text) -> assertThat(text)
				.contains("rebuilds its state from the findings topics as application " + current)
				.contains("consumer groups [" + BASE + "]")
				.contains("internal topics [" + BASE + "-operation-totals-changelog, " + BASE
						+ "-reports-by-id-repartition]")
				.contains("local state directories [" + this.stateDirectory.resolve(BASE) + "]")
				.contains("an operator may delete them; the aggregator never does")
				.doesNotContain("ledger-changelog"));

			commit(current);
			assertThat(upgrade.find(admin)).hasValueSatisfying(
					(text) -> assertThat(text).startsWith("The previous state layout's consumer groups [" + BASE + "]")
						.contains("are no longer used (this aggregator runs as " + current)
						.doesNotContain("rebuilds"));
		}
	}

	@Test
	void saysNothingWithoutAPreviousLayout() throws Exception {
		String base = BASE + "-fresh";
		kafka.createTopics(TopicBuilder.name(StateLayout.applicationId(base) + "-ledger-changelog")
			.partitions(1)
			.replicas(1)
			.build());
		try (Admin admin = Admin.create(aggregatorClient())) {
			assertThat(new LayoutUpgrade(aggregatorClient(), base, this.stateDirectory).find(admin)).isEmpty();
		}
	}

	private static void commit(String group) throws Exception {
		try (Admin admin = kafka.admin()) {
			admin
				.alterConsumerGroupOffsets(group,
						Map.of(new TopicPartition(Topics.findings("KAZ"), 0), new OffsetAndMetadata(0)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static Map<String, Object> aggregatorClient() {
		Map<String, Object> properties = new HashMap<>(
				ClientSecurity.scram(KafkaUsers.AGGREGATOR, Credentials.kafkaPassword(KafkaUsers.AGGREGATOR)));
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		return properties;
	}

}
