package org.jointops.aggregator.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.ledger.OperationState;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The operations the other instances hold, for a complete list on every instance: each
 * other instance that holds active ledger partitions is asked for its own operations
 * ({@code GET /api/v1/operations} marked {@link RoutingHeaders#FORWARDED_BY}, which it
 * answers from its own stores alone), as the caller; one that does not answer is read
 * from the standby replicas of its ledger partitions here, if this instance has all of
 * them, and the list is unavailable (503) otherwise; unavailable too while some ledger
 * partition has no instance at all (during a rebalance), never a list with operations
 * missing.
 */
@Component
public class PeerOperations {

	private final InstanceRouter router;

	private final Forwarder forwarder;

	PeerOperations(InstanceRouter router, Forwarder forwarder) {
		this.router = router;
		this.forwarder = forwarder;
	}

	/**
	 * The operations of every other instance, unless the query this thread serves was
	 * forwarded here (then it asks for this instance's own) or is not an HTTP request.
	 * @return their states, possibly with operations this instance also lists
	 * @throws org.jointops.aggregator.query.TotalsUnavailableException if an instance
	 * does not answer
	 */
	public List<OperationState> operations() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return List.of();
		}
		HttpServletRequest request = attributes.getRequest();
		if (request.getHeader(RoutingHeaders.FORWARDED_BY) != null) {
			return List.of();
		}
		HostInfo self = this.router.self();
		List<OperationState> operations = new ArrayList<>();
		Set<Integer> covered = new TreeSet<>(this.router.heldPartitions());
		for (StreamsMetadata peer : this.router.peers()) {
			covered.addAll(InstanceRouter.ledgerPartitions(peer.topicPartitions()));
			try {
				operations.addAll(
						this.forwarder.operations(peer.hostInfo(), request.getHeader(HttpHeaders.AUTHORIZATION), self));
			}
			catch (TotalsUnavailableException ex) {
				// the other instance does not answer (it may be gone, before the
				// rebalance):
				// the standby replicas here of what it holds, if every one of them is
				// here
				operations.addAll(this.router.standbyOperations(peer).orElseThrow(() -> ex));
			}
		}
		Set<Integer> missing = new TreeSet<>();
		for (int partition = 0; partition < this.router.partitions(); partition++) {
			if (!covered.contains(partition)) {
				missing.add(partition);
			}
		}
		if (!missing.isEmpty()) {
			throw new TotalsUnavailableException("The list of operations is incomplete right now: no aggregator "
					+ "instance holds ledger partition(s) " + missing
					+ " (Kafka Streams is rebalancing); retry shortly", null);
		}
		return operations;
	}

}
