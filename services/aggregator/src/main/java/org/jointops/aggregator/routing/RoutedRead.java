package org.jointops.aggregator.routing;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How this instance reads an operation's ledger for the query it answers: the store's
 * partition that holds the operation, and whether a standby replica may answer (then with
 * its lag).
 *
 * @param partition the partition of the ledger store that holds the operation
 * @param standby whether the read is from a standby replica (a stale store)
 * @param lag changelog records the standby replica is behind, null for an active store
 */
public record RoutedRead(int partition, boolean standby, Long lag) {

	static final String ATTRIBUTE = RoutedRead.class.getName();

	/**
	 * The read decided for the HTTP request this thread serves, if any.
	 * @return the read, empty outside a routed request
	 */
	public static Optional<RoutedRead> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return Optional.ofNullable(attributes)
			.map((request) -> request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
			.map(RoutedRead.class::cast);
	}

}
