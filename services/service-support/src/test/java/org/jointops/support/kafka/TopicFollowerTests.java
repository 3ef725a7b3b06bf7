package org.jointops.support.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jointops.wire.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer settings a follower reads with, and a follower that is not running.
 */
class TopicFollowerTests {

	@Test
	void readsWithTheServicesSettingsButNoGroupNoCommitsAndReadCommitted() {
		Map<String, Object> properties = TopicFollower.consumerProperties(
				Map.of("bootstrap.servers", "kafka:9092", "security.protocol", "SASL_SSL", "group.id", "producers",
						"group.instance.id", "kaz-1", "client.id", "state-producer-kaz", "key.deserializer",
						"org.apache.kafka.common.serialization.StringDeserializer"),
				"catalogue", TopicFollower.Timing.DEFAULT);

		assertThat(properties).containsEntry("bootstrap.servers", "kafka:9092")
			.containsEntry("security.protocol", "SASL_SSL")
			.doesNotContainKeys(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
					ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
			.containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
			.containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "state-producer-kaz-catalogue");
	}

	@Test
	void namesItsClientAfterJointopsWithoutAClientId() {
		Map<String, Object> properties = TopicFollower.consumerProperties(Map.of("bootstrap.servers", "kafka:9092"),
				"totals-feed", TopicFollower.Timing.DEFAULT);

		assertThat(properties).containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "jointops-totals-feed");
	}

	@Test
	void looksForNewPartitionsAsOftenAsItsTimingSays() {
		Map<String, Object> properties = TopicFollower.consumerProperties(Map.of(), "feed",
				TopicFollower.Timing.DEFAULT.withPartitionCheck(Duration.ofSeconds(7)));

		assertThat(properties).containsEntry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 7000);
	}

	@Test
	void answersThatItIsNotFollowingBeforeItStarts() {
		TopicFollower<String, String> follower = new TopicFollower<>(Topics.catalogue(),
				Map.of("bootstrap.servers", "127.0.0.1:9"), "idle", (record) -> {
				});

		assertThat(follower.isRunning()).isFalse();
		assertThat(follower.readToEnd()).isCompletedExceptionally();
		assertThat(follower.awaitCaughtUp(Duration.ofMillis(1))).isFalse();
	}

}
