package org.jointops.aggregator.routing;

import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing decision for a query of one operation, from what Kafka Streams' metadata
 * says of the operation's key.
 */
class RoutingTests {

	private static final HostInfo SELF = new HostInfo("aggregator-1.jointops.internal", 8080);

	private static final HostInfo OTHER = new HostInfo("aggregator-2.jointops.internal", 8080);

	private static final String FORWARDER = "aggregator-2.jointops.internal:8080";

	@Test
	void answersFromItsActiveStoreWhenItHoldsTheOperation() {
		assertThat(decide(State.RUNNING, SELF, false, null).kind()).isEqualTo(Route.Kind.LOCAL);
		assertThat(decide(State.RUNNING, SELF, false, FORWARDER).kind()).isEqualTo(Route.Kind.LOCAL);
		assertThat(decide(State.REBALANCING, SELF, true, null).kind()).isEqualTo(Route.Kind.LOCAL);
	}

	@Test
	void answersNothingFromItsActiveStoreWhileTheGroupCoordinatorHasNotConfirmedItHoldsIt() {
		for (boolean copyHere : new boolean[] { false, true }) {
			Route route = Routing.decide(new Routing.Situation(SELF, State.RUNNING, SELF, copyHere, null, false));

			assertThat(route.kind()).isEqualTo(Route.Kind.UNAVAILABLE);
			assertThat(route.reason()).contains("the group coordinator has not confirmed lately");
		}
	}

	@Test
	void asksTheStandbyHoldersOnlyForAClientsQueryThatFoundNoAnswer() {
		Routing.Situation unconfirmed = new Routing.Situation(SELF, State.RUNNING, SELF, false, null, false);
		Routing.Situation forwardedHere = new Routing.Situation(SELF, State.RUNNING, SELF, false, FORWARDER, false);

		assertThat(unconfirmed.mayAskStandbys(Routing.decide(unconfirmed))).isTrue();
		assertThat(forwardedHere.mayAskStandbys(Routing.decide(forwardedHere)))
			.as("a forwarded query is never forwarded again")
			.isFalse();
		assertThat(unconfirmed.mayAskStandbys(Route.local())).isFalse();
	}

	@Test
	void forwardsAClientsQueryToTheActiveInstance() {
		Route route = decide(State.RUNNING, OTHER, true, null);

		assertThat(route.kind()).isEqualTo(Route.Kind.FORWARD);
		assertThat(route.target()).isEqualTo(OTHER);
	}

	@Test
	void anotherInstanceOnTheSameHostWithAnotherPortIsNotThisOne() {
		HostInfo samehostOtherPort = new HostInfo(SELF.host(), 8081);

		Route route = decide(State.RUNNING, samehostOtherPort, false, null);

		assertThat(route.kind()).isEqualTo(Route.Kind.FORWARD);
		assertThat(route.target()).isEqualTo(samehostOtherPort);
	}

	@Test
	void neverForwardsAQueryTwice() {
		assertThat(decide(State.RUNNING, OTHER, true, FORWARDER).kind()).isEqualTo(Route.Kind.STANDBY);
		Route unavailable = decide(State.RUNNING, OTHER, false, FORWARDER);
		assertThat(unavailable.kind()).isEqualTo(Route.Kind.UNAVAILABLE);
		assertThat(unavailable.reason()).contains("forwarded here by " + FORWARDER)
			.contains("held by the aggregator instance at aggregator-2.jointops.internal:8080");
	}

	@Test
	void answersFromAStandbyReplicaHereDuringARebalance() {
		assertThat(decide(State.REBALANCING, OTHER, true, null).kind()).isEqualTo(Route.Kind.STANDBY);
		assertThat(decide(State.REBALANCING, null, true, null).kind()).isEqualTo(Route.Kind.STANDBY);
		assertThat(decide(State.RUNNING, null, true, null).kind()).isEqualTo(Route.Kind.STANDBY);
	}

	@Test
	void forwardsDuringARebalanceWithoutAReplicaHere() {
		Route route = decide(State.REBALANCING, OTHER, false, null);

		assertThat(route.kind()).isEqualTo(Route.Kind.FORWARD);
		assertThat(route.target()).isEqualTo(OTHER);
	}

	@Test
	void isUnavailableWhenNoInstanceIsKnownToHoldTheOperationAndNoReplicaIsHere() {
		Route route = decide(State.REBALANCING, null, false, null);

		assertThat(route.kind()).isEqualTo(Route.Kind.UNAVAILABLE);
		assertThat(route.reason()).contains("no aggregator instance holds these totals right now");
	}

	@Test
	void isUnavailableWhileKafkaStreamsIsNotRunning() {
		for (State state : new State[] { null, State.CREATED, State.PENDING_SHUTDOWN, State.NOT_RUNNING,
				State.PENDING_ERROR, State.ERROR }) {
			assertThat(decide(state, SELF, true, null).kind()).as(String.valueOf(state))
				.isEqualTo(Route.Kind.UNAVAILABLE);
		}
	}

	@Test
	void answersFromAStandbyReplicaHereWhenTheActiveInstanceDoesNotAnswer() {
		Routing.Situation withReplica = new Routing.Situation(SELF, State.RUNNING, OTHER, true, null, false);
		Routing.Situation withoutReplica = new Routing.Situation(SELF, State.RUNNING, OTHER, false, null, false);

		assertThat(Routing.afterFailedForward(withReplica).kind()).isEqualTo(Route.Kind.STANDBY);
		Route unavailable = Routing.afterFailedForward(withoutReplica);
		assertThat(unavailable.kind()).isEqualTo(Route.Kind.UNAVAILABLE);
		assertThat(unavailable.reason()).contains("aggregator-2.jointops.internal:8080").contains("does not answer");
	}

	private static Route decide(State state, HostInfo active, boolean copyHere, String forwardedBy) {
		return Routing.decide(new Routing.Situation(SELF, state, active, copyHere, forwardedBy, SELF.equals(active)));
	}

}
