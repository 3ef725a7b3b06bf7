package org.jointops.aggregator.routing;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The routing decision for a query of one operation, from Kafka Streams' metadata of the
 * operation's key: this instance answers from its active store when it holds it (the full
 * address compared, host and port) and the group coordinator has lately confirmed so
 * ({@link GroupConfirmation}), or not at all while it has not; otherwise the query goes
 * to the active instance, unless it was already forwarded once or Kafka Streams is
 * rebalancing, in which case a standby replica here answers, or nobody (503).
 */
final class Routing {

	private Routing() {
	}

	/**
	 * Decides where a query is answered.
	 * @param situation what this instance knows
	 * @return the route
	 */
	static Route decide(Situation situation) {
		KafkaStreams.State state = situation.state();
		if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
			return Route.unavailable("this aggregator instance is " + ((state != null) ? state : "not started"));
		}
		if (situation.self().equals(situation.active())) {
			return situation.confirmed() ? Route.local()
					: Route.unavailable("this aggregator instance holds these totals, but the group coordinator has "
							+ "not confirmed lately that it still does (it may have been cut off from the cluster)");
		}
		boolean mayForward = situation.active() != null && !situation.forwarded();
		if (state == KafkaStreams.State.RUNNING && mayForward) {
			return Route.forward(situation.active());
		}
		if (situation.copyHere()) {
			return Route.standby();
		}
		if (mayForward) {
			return Route.forward(situation.active());
		}
		return Route.unavailable(unavailable(situation));
	}

	/**
	 * Decides what answers once the active instance did not.
	 * @param situation what this instance knows
	 * @return a standby replica here, or nobody
	 */
	static Route afterFailedForward(Situation situation) {
		return situation.copyHere() ? Route.standby()
				: Route.unavailable("the aggregator instance at " + address(situation.active())
						+ " that holds these totals does not answer, and no replica of them is here");
	}

	static String address(HostInfo host) {
		return host.host() + ":" + host.port();
	}

	private static String unavailable(Situation situation) {
		if (situation.active() == null) {
			return "no aggregator instance holds these totals right now (Kafka Streams is rebalancing), "
					+ "and no replica of them is here";
		}
		return "the query was forwarded here by " + situation.forwardedBy()
				+ ", but these totals are held by the aggregator instance at " + address(situation.active())
				+ " and no replica of them is here";
	}

	/**
	 * What an instance knows when it routes a query.
	 *
	 * @param self this instance's address ({@code application.server})
	 * @param state the state of Kafka Streams, null before it was created
	 * @param active the instance that holds the operation's active store, null if unknown
	 * @param copyHere whether this instance holds a replica of the store's partition
	 * (standby, or active during a rebalance)
	 * @param forwardedBy the instance that forwarded the query here, null if the query
	 * comes from a client
	 * @param confirmed whether the group coordinator confirmed, lately, that this
	 * instance holds the active store
	 */
	record Situation(HostInfo self, KafkaStreams.State state, HostInfo active, boolean copyHere, String forwardedBy,
			boolean confirmed) {

		boolean forwarded() {
			return this.forwardedBy != null;
		}

		/**
		 * Whether Kafka Streams names this instance the holder but the group coordinator
		 * has not confirmed it lately.
		 * @return true for an instance that may have been cut off from the cluster
		 */
		boolean unconfirmedHolder() {
			return this.self.equals(this.active) && !this.confirmed;
		}

		/**
		 * Whether the instances that hold a standby replica may be asked in this
		 * instance's place: a query from a client (a forwarded one goes no further) that
		 * this instance could not answer, as the holder not confirmed lately, or after
		 * the holder did not answer.
		 * @param route the route decided so far
		 * @return true to ask them
		 */
		boolean mayAskStandbys(Route route) {
			return route.kind() == Route.Kind.UNAVAILABLE && !forwarded();
		}

	}

}
