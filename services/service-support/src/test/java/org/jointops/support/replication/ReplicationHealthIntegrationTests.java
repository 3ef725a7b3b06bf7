package org.jointops.support.replication;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replication check against a real broker (one: every topic on it has fewer replicas
 * than a three-broker configuration requires).
 */
class ReplicationHealthIntegrationTests {

	private static final ReplicationProperties THREE_BROKERS = new ReplicationProperties((short) 3, 2,
			Duration.ofMillis(200));

	private static EmbeddedKafkaNode kafka;

	@BeforeAll
	static void startKafka() {
		kafka = EmbeddedKafkaNode.start();
	}

	@AfterAll
	static void stopKafka() {
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void topicsCreatedWithTheWrongSettingsMakeHealthDownNamingEachWithWhatItHasAndWhatIsRequired() {
		ReplicationHealthIndicator indicator = indicator(THREE_BROKERS, ReplicatedTopics.prefixed(List.of("repl.")));
		try {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(indicator.health()).satisfies((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("topics", List.of()).containsKey("checkedAt");
				}));

			// created after the first check: found by a later one
			kafka.createTopics(
					new NewTopic("repl.few", 2, (short) 1)
						.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")),
					new NewTopic("repl.broker-default", 1, (short) 1), new NewTopic("other.topic", 1, (short) 1));

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(indicator.health()).satisfies((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("topics", List.of("repl.broker-default", "repl.few"))
						.containsEntry("shortfalls",
								List.of("topic repl.broker-default has replication factor 1 and min.insync.replicas 1; "
										+ "required: replication factor 3 and min.insync.replicas 2",
										"topic repl.few has replication factor 1 and min.insync.replicas 2; "
												+ "required: replication factor 3 and min.insync.replicas 2"))
						.containsEntry("required", Map.of("replicationFactor", (short) 3, "minInsyncReplicas", 2));
				}));
		}
		finally {
			indicator.stop();
		}
	}

	@Test
	void topicsWithTheRequiredSettingsKeepHealthUp() {
		kafka.createTopics(new NewTopic("single.ok", 1, (short) 1));
		ReplicationProperties oneBroker = new ReplicationProperties((short) 1, 1, Duration.ofMillis(200));
		ReplicationHealthIndicator indicator = indicator(oneBroker, ReplicatedTopics.named(List.of("single.ok")));
		try {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(indicator.health()).satisfies((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("topics", List.of("single.ok"))
						.doesNotContainKeys("shortfalls", "unchecked");
				}));
		}
		finally {
			indicator.stop();
		}
	}

	private static ReplicationHealthIndicator indicator(ReplicationProperties required, ReplicatedTopics topics) {
		ReplicationHealthIndicator indicator = new ReplicationHealthIndicator(kafka.adminClientProperties(), required,
				List.of(topics), Duration.ofSeconds(5), Clock.systemUTC());
		indicator.start();
		indicator.scheduleChecks();
		return indicator;
	}

}
