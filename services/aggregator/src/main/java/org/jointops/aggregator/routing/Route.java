package org.jointops.aggregator.routing;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a query of one operation is answered.
 *
 * @param kind how it is answered
 * @param target the instance it is forwarded to, null unless {@link Kind#FORWARD}
 * @param reason why, for an unavailable answer
 */
record Route(Kind kind, HostInfo target, String reason) {

	static Route local() {
		return new Route(Kind.LOCAL, null, null);
	}

	static Route standby() {
		return new Route(Kind.STANDBY, null, null);
	}

	static Route forward(HostInfo target) {
		return new Route(Kind.FORWARD, target, null);
	}

	static Route unavailable(String reason) {
		return new Route(Kind.UNAVAILABLE, null, reason);
	}

	/**
	 * How a query is answered.
	 */
	enum Kind {

		/** From this instance's active store. */
		LOCAL,

		/** By the instance that holds the active store. */
		FORWARD,

		/** From a standby replica on this instance, with its lag. */
		STANDBY,

		/** Not at all: 503, retry shortly. */
		UNAVAILABLE

	}

}
