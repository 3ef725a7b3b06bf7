package org.jointops.aggregator.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance holds a ledger partition only while a recent description of its group says
 * that one of its own stream threads does; while the group rebalances, the holders of the
 * last stable description are confirmed as long as they are the same members still.
 */
class GroupConfirmationTests {

	private static final String LEDGER_TOPIC = "jointops-aggregator-layout-2-changes-by-operation-repartition";

	private static final String HERE = "app-1111-StreamThread-1-consumer";

	private static final String THERE = "app-2222-StreamThread-1-consumer";

	private static final long VALIDITY = GroupConfirmation.VALIDITY.toNanos();

	@Test
	void holdsAPartitionThatARecentConfirmationGivesToOneOfItsThreads() {
		GroupConfirmation.Confirmed confirmed = stable(0, member("m1", HERE, 0), member("m2", THERE, 1));

		assertThat(GroupConfirmation.holds(confirmed, 0, Set.of(HERE), VALIDITY - 1)).isTrue();
		assertThat(GroupConfirmation.holds(confirmed, 1, Set.of(HERE), 1)).as("held by another instance").isFalse();
		assertThat(GroupConfirmation.holds(confirmed, 2, Set.of(HERE), 1)).as("held by nobody").isFalse();
	}

	@Test
	void holdsNothingOnceTheLastConfirmationIsOldOrBeforeTheFirst() {
		GroupConfirmation.Confirmed confirmed = stable(0, member("m1", HERE, 0));

		assertThat(GroupConfirmation.holds(confirmed, 0, Set.of(HERE), VALIDITY)).isFalse();
		assertThat(GroupConfirmation.holds(null, 0, Set.of(HERE), 0)).isFalse();
	}

	@Test
	void readsTheLedgerPartitionsOfEachMemberFromItsAssignment() {
		MemberDescription here = new MemberDescription("m1", Optional.empty(), HERE, "/10.77.0.5",
				new MemberAssignment(
						Set.of(new TopicPartition(LEDGER_TOPIC, 2), new TopicPartition("findings.KAZ", 0))),
				Optional.empty(), Optional.empty(), Optional.empty());

		GroupConfirmation.Confirmed confirmed = GroupConfirmation.confirm(null, 0, true,
				List.of(here, member("m2", THERE, 0, 1)));

		assertThat(confirmed.holders()).containsOnlyKeys(0, 1, 2);
		assertThat(confirmed.holders().get(2).clientId()).isEqualTo(HERE);
		assertThat(confirmed.holders().get(0).clientId()).isEqualTo(THERE);
	}

	@Test
	void whileTheGroupRebalancesConfirmsTheLastStableHoldersThatAreTheSameMembersStill() {
		GroupConfirmation.Confirmed before = stable(0, member("m1", HERE, 0), member("m2", THERE, 1));

		GroupConfirmation.Confirmed during = GroupConfirmation.confirm(before, VALIDITY - 1, false,
				List.of(member("m1", HERE), member("m3", THERE)));

		assertThat(GroupConfirmation.holds(during, 0, Set.of(HERE), VALIDITY + 1)).isTrue();
		assertThat(during.holders()).as("m2 left; m3 is another member").containsOnlyKeys(0);
	}

	@Test
	void aMemberThatRejoinsAfterItsConfirmationAgedIsNotConfirmedUntilTheGroupIsStable() {
		GroupConfirmation.Confirmed beforeTheCut = stable(0, member("m1", HERE, 0));

		GroupConfirmation.Confirmed afterTheHeal = GroupConfirmation.confirm(beforeTheCut, 10 * VALIDITY, false,
				List.of(member("m1", HERE), member("m4", THERE)));

		assertThat(GroupConfirmation.holds(afterTheHeal, 0, Set.of(HERE), 10 * VALIDITY)).isFalse();
	}

	private static GroupConfirmation.Confirmed stable(long askedAt, MemberDescription... members) {
		return GroupConfirmation.confirm(null, askedAt, true, List.of(members));
	}

	private static MemberDescription member(String memberId, String clientId, int... ledgerPartitions) {
		Set<TopicPartition> partitions = new HashSet<>();
		for (int partition : ledgerPartitions) {
			partitions.add(new TopicPartition(LEDGER_TOPIC, partition));
		}
		return new MemberDescription(memberId, Optional.empty(), clientId, "/10.77.0.5",
				new MemberAssignment(partitions), Optional.empty(), Optional.empty(), Optional.empty());
	}

}
