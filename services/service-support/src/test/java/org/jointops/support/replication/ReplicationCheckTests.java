package org.jointops.support.replication;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the replication check finds wanting, without a broker.
 */
class ReplicationCheckTests {

	private static final ReplicationProperties THREE_BROKERS = new ReplicationProperties((short) 3, 2,
			Duration.ofMinutes(1));

	@Test
	void aTopicWithFewerReplicasThanRequiredIsNamedWithWhatItHasAndWhatIsRequired() {
		ReplicationCheck.Outcome outcome = check().evaluate(List.of(new TopicReplication("council.totals", 1, 2)),
				Map.of());

		assertThat(outcome.sufficient()).isFalse();
		assertThat(outcome.shortfalls()).containsExactly("topic council.totals has replication factor 1 and "
				+ "min.insync.replicas 2; required: replication factor 3 and min.insync.replicas 2");
	}

	@Test
	void aTopicWithALowerMinInsyncReplicasThanRequiredIsNamed() {
		ReplicationCheck.Outcome outcome = check().evaluate(
				List.of(new TopicReplication("findings.KAZ", 3, 1), new TopicReplication("owners.KAZ", 3, 2)),
				Map.of());

		assertThat(outcome.checked()).containsExactly("findings.KAZ", "owners.KAZ");
		assertThat(outcome.shortfalls()).containsExactly("topic findings.KAZ has replication factor 3 and "
				+ "min.insync.replicas 1; required: replication factor 3 and min.insync.replicas 2");
	}

	@Test
	void topicsWithAtLeastTheRequiredReplicationAreSufficient() {
		ReplicationCheck.Outcome outcome = check().evaluate(List.of(new TopicReplication("council.totals", 3, 2),
				new TopicReplication("jointops-aggregator-layout-2-ledger-changelog", 5, 3)), Map.of());

		assertThat(outcome.sufficient()).isTrue();
		assertThat(outcome.checked()).hasSize(2);
	}

	@Test
	void aTopicWhoseConfigurationCannotBeReadIsListedAsUncheckedWithoutFailingTheCheck() {
		ReplicationCheck.Outcome outcome = check().evaluate(List.of(),
				Map.of("findings.ARM", "its configuration cannot be read: not authorised"));

		assertThat(outcome.sufficient()).isTrue();
		assertThat(outcome.unchecked()).containsOnlyKeys("findings.ARM");
	}

	@Test
	void topicsAreDefinedWithTheConfiguredReplication() {
		NewTopic topic = THREE_BROKERS.topic("council.totals").partitions(3).compact().build();

		assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")
			.containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
	}

	@Test
	void moreInsyncReplicasThanReplicasAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReplicationProperties((short) 1, 2, Duration.ofMinutes(1)))
			.withMessageContaining("min-insync-replicas (2) exceeds the replication factor (1)");
	}

	@Test
	void theServicesNamesAndPrefixesSayWhichTopicsAreChecked() {
		ReplicatedTopics named = ReplicatedTopics.named(List.of("council.totals"));
		ReplicatedTopics prefixed = ReplicatedTopics.prefixed(List.of("findings.", "jointops-aggregator-layout-2-"));

		assertThat(named.covers("council.totals")).isTrue();
		assertThat(named.covers("council.totals2")).isFalse();
		assertThat(prefixed.covers("findings.KAZ")).isTrue();
		assertThat(prefixed.covers("jointops-aggregator-layout-2-ledger-changelog")).isTrue();
		assertThat(prefixed.covers("jointops-aggregator-layout-1-ledger-changelog")).isFalse();
	}

	private static ReplicationCheck check() {
		return new ReplicationCheck(THREE_BROKERS, List.of((topic) -> true), Duration.ofSeconds(3));
	}

}
