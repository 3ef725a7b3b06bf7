package org.jointops.aggregator.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance holds a ledger partition only while a recent description of its group says
 * that one of its own stream threads does.
 */
class GroupConfirmationTests {

	private static final String LEDGER_TOPIC = "jointops-aggregator-layout-2-changes-by-operation-repartition";

	private static final String HERE = "app-1111-StreamThread-1-consumer";

	private static final String THERE = "app-2222-StreamThread-1-consumer";

	private static final long VALIDITY = GroupConfirmation.VALIDITY.toNanos();

	@Test
	void holdsAPartitionThatARecentConfirmationGivesToOneOfItsThreads() {
		GroupConfirmation.Confirmed confirmed = new GroupConfirmation.Confirmed(0, Map.of(0, HERE, 1, THERE));

		assertThat(GroupConfirmation.holds(confirmed, 0, Set.of(HERE), VALIDITY - 1)).isTrue();
		assertThat(GroupConfirmation.holds(confirmed, 1, Set.of(HERE), 1)).as("held by another instance").isFalse();
		assertThat(GroupConfirmation.holds(confirmed, 2, Set.of(HERE), 1)).as("held by nobody").isFalse();
	}

	@Test
	void holdsNothingOnceTheLastConfirmationIsOldOrBeforeTheFirst() {
		GroupConfirmation.Confirmed confirmed = new GroupConfirmation.Confirmed(0, Map.of(0, HERE));

		assertThat(GroupConfirmation.holds(confirmed, 0, Set.of(HERE), VALIDITY)).isFalse();
		assertThat(GroupConfirmation.holds(null, 0, Set.of(HERE), 0)).isFalse();
	}

	@Test
	void readsTheLedgerPartitionsOfEachMemberFromItsAssignment() {
		List<MemberDescription> members = List.of(
				member(HERE, new TopicPartition(LEDGER_TOPIC, 2), new TopicPartition("findings.KAZ", 0)),
				member(THERE, new TopicPartition(LEDGER_TOPIC, 0), new TopicPartition(LEDGER_TOPIC, 1)));

		assertThat(GroupConfirmation.holders(members)).isEqualTo(Map.of(0, THERE, 1, THERE, 2, HERE));
	}

	private static MemberDescription member(String clientId, TopicPartition... partitions) {
		return new MemberDescription("member-" + clientId, Optional.empty(), clientId, "/10.77.0.5",
				new MemberAssignment(Set.of(partitions)), Optional.empty(), Optional.empty(), Optional.empty());
	}

}
