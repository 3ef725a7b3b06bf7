package org.jointops.aggregator.routing;

/**
 * The HTTP headers of routed queries.
 */
public final class RoutingHeaders {

	/**
	 * On a query one instance forwarded to another: the forwarding instance
	 * ({@code host:port}). A query that carries it is answered where it arrives (from the
	 * active store or a standby replica) or 503, never forwarded again.
	 */
	public static final String FORWARDED_BY = "Jointops-Forwarded-By";

	/**
	 * On the answer to a query of one operation: the instance whose store answered
	 * ({@code host:port}); on a forwarded answer, another instance than the one asked.
	 */
	public static final String SERVED_BY = "Jointops-Served-By";

	/**
	 * On an answer read from a standby replica: how many changelog records (offsets) the
	 * replica is behind its active store.
	 */
	public static final String STANDBY_LAG = "Jointops-Standby-Lag";

	private RoutingHeaders() {
	}

}
