package org.jointops.aggregator.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jointops.aggregator.ledger.LedgerReader;
import org.jointops.aggregator.ledger.LedgerStores;
import org.jointops.aggregator.query.TotalsUnavailableException;
import org.jointops.aggregator.topology.CouncilTotalsTopology;
import org.jointops.ledger.OperationState;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Where the ledger of an operation is, from Kafka Streams' metadata: which instance holds
 * its active store, whether this one holds a replica, and the store to read here.
 */
@Component
public class InstanceRouter {

	private static final StringSerializer KEYS = new StringSerializer();

	/** The end of the name of the topic the ledger store's task reads. */
	private static final String LEDGER_SOURCE = "-" + CouncilTotalsTopology.CHANGES_BY_OPERATION + "-repartition";

	private final StreamsBuilderFactoryBean streams;

	private final int partitions;

	private final GroupConfirmation confirmation;

	private volatile HostInfo self;

	InstanceRouter(StreamsBuilderFactoryBean streams, @Value("${jointops.topics.partitions:3}") int partitions,
			GroupConfirmation confirmation) {
		this.streams = streams;
		this.partitions = partitions;
		this.confirmation = confirmation;
	}

	/**
	 * This instance's address, its {@code application.server}.
	 * @return host and port
	 */
	public HostInfo self() {
		HostInfo known = this.self;
		if (known == null) {
			Properties configuration = this.streams.getStreamsConfiguration();
			String server = (configuration != null) ? configuration.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)
					: null;
			if (server == null) {
				throw new IllegalStateException("application.server is not set");
			}
			known = HostInfo.buildFromEndpoint(server);
			this.self = known;
		}
		return known;
	}

	/**
	 * Where a query of an operation is answered.
	 * @param operation operation code
	 * @param forwardedBy the instance that forwarded the query here, null if a client
	 * asks
	 * @return the route, the partition and what it was decided from
	 */
	Placement place(String operation, String forwardedBy) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		HostInfo here = self();
		if (kafkaStreams == null) {
			Routing.Situation situation = new Routing.Situation(here, null, null, false, forwardedBy, false);
			return new Placement(Routing.decide(situation), situation, partitionOf(operation), List.of());
		}
		KafkaStreams.State state = kafkaStreams.state();
		KeyQueryMetadata metadata = KeyQueryMetadata.NOT_AVAILABLE;
		if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
			try {
				metadata = kafkaStreams.queryMetadataForKey(LedgerStores.LEDGER, operation, KEYS);
			}
			catch (IllegalStateException ex) {
				// Kafka Streams stopped running since its state was read: nothing known
			}
		}
		boolean known = metadata != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
				&& metadata.activeHost() != null && !HostInfo.unavailable().equals(metadata.activeHost());
		int partition = known ? metadata.partition() : partitionOf(operation);
		boolean copyHere = (known && metadata.standbyHosts().contains(here))
				|| (state == KafkaStreams.State.REBALANCING && this.confirmation.lag(partition) != null)
				|| (!known && state == KafkaStreams.State.RUNNING && this.confirmation.lag(partition) != null);
		boolean activeHere = known && here.equals(metadata.activeHost());
		Routing.Situation situation = new Routing.Situation(here, state, known ? metadata.activeHost() : null, copyHere,
				forwardedBy, activeHere && this.confirmation.holds(partition));
		List<HostInfo> standbys = known ? metadata.standbyHosts().stream().filter((host) -> !host.equals(here)).toList()
				: List.of();
		return new Placement(Routing.decide(situation), situation, partition, standbys);
	}

	/**
	 * How this instance reads an operation it answers for itself (never forwarding): its
	 * active store, or a standby replica.
	 * @param operation operation code
	 * @return the read
	 * @throws TotalsUnavailableException if this instance holds no copy of the
	 * operation's ledger
	 */
	public RoutedRead readHere(String operation) {
		Placement placement = place(operation, Routing.address(self()));
		return read(placement, placement.route());
	}

	/**
	 * The read a route leads to.
	 * @param placement where the operation is
	 * @param route a local or standby route
	 * @return the read
	 * @throws TotalsUnavailableException for any other route, or a standby replica whose
	 * lag is unknown
	 */
	RoutedRead read(Placement placement, Route route) {
		return switch (route.kind()) {
			case LOCAL -> new RoutedRead(placement.partition(), false, null);
			case STANDBY -> {
				LagInfo lag = this.confirmation.lag(placement.partition());
				if (lag == null) {
					throw new TotalsUnavailableException(
							"No replica of these totals is on this aggregator instance right now; retry shortly", null);
				}
				yield new RoutedRead(placement.partition(), true, lag.offsetLag());
			}
			case FORWARD -> throw new TotalsUnavailableException("These totals are held by the aggregator instance at "
					+ Routing.address(route.target()) + "; retry shortly", null);
			case UNAVAILABLE -> throw new TotalsUnavailableException(
					"The totals cannot be read right now: " + route.reason() + "; retry shortly", null);
		};
	}

	/**
	 * The ledger store to read: only the partition that holds the operation, so that an
	 * instance that does not hold it fails (503) rather than answering empty totals.
	 * @param read the read
	 * @return the store of that partition, active or (for a standby read) stale
	 */
	public ReadOnlyKeyValueStore<Bytes, byte[]> store(RoutedRead read) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new IllegalStateException("Kafka Streams has not started");
		}
		StoreQueryParameters<ReadOnlyKeyValueStore<Bytes, byte[]>> parameters = StoreQueryParameters
			.fromNameAndType(LedgerStores.LEDGER, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
			.withPartition(read.partition());
		return kafkaStreams.store(read.standby() ? parameters.enableStaleStores() : parameters);
	}

	/**
	 * Checks that the group coordinator has lately confirmed that this instance holds
	 * every ledger partition Kafka Streams has active here, before they are listed.
	 * @throws TotalsUnavailableException if it has not (this instance may have been cut
	 * off from the cluster, and its stores be behind the instances that took over)
	 */
	public void checkHeldPartitionsConfirmed() {
		for (int partition : heldPartitions()) {
			if (!this.confirmation.holds(partition)) {
				throw new TotalsUnavailableException("This aggregator instance holds ledger partition " + partition
						+ ", but the group coordinator has not confirmed lately that it still does (it may have been "
						+ "cut off from the cluster); retry shortly", null);
			}
		}
	}

	/**
	 * The ledger partitions whose active tasks this instance's threads hold.
	 * @return partitions, empty before Kafka Streams runs
	 */
	Set<Integer> heldPartitions() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Set.of();
		}
		Set<TopicPartition> active = new HashSet<>();
		try {
			kafkaStreams.metadataForLocalThreads()
				.forEach((thread) -> thread.activeTasks().forEach((task) -> active.addAll(task.topicPartitions())));
		}
		catch (IllegalStateException ex) {
			return Set.of();
		}
		return ledgerPartitions(active);
	}

	/**
	 * The other instances that hold active ledger partitions.
	 * @return their metadata
	 */
	List<StreamsMetadata> peers() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		List<StreamsMetadata> peers = new ArrayList<>();
		if (kafkaStreams == null) {
			return peers;
		}
		HostInfo here = self();
		for (StreamsMetadata metadata : kafkaStreams.streamsMetadataForStore(LedgerStores.LEDGER)) {
			if (!metadata.hostInfo().equals(here) && !ledgerPartitions(metadata.topicPartitions()).isEmpty()
					&& !HostInfo.unavailable().equals(metadata.hostInfo())) {
				peers.add(metadata);
			}
		}
		return peers;
	}

	/**
	 * The operations whose ledgers another instance holds, read from the standby replicas
	 * of them here.
	 * @param peer the other instance
	 * @return their states, empty unless this instance has a replica of every ledger
	 * partition the other holds
	 */
	Optional<List<OperationState>> standbyOperations(StreamsMetadata peer) {
		Set<Integer> partitions = ledgerPartitions(peer.topicPartitions());
		Map<Integer, LagInfo> lags = this.confirmation.ledgerLags();
		if (!lags.keySet().containsAll(partitions)) {
			return Optional.empty();
		}
		List<OperationState> operations = new ArrayList<>();
		try {
			for (int partition : partitions) {
				RoutedRead read = new RoutedRead(partition, true, lags.get(partition).offsetLag());
				operations.addAll(new LedgerReader(() -> store(read)).operations());
			}
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		return Optional.of(operations);
	}

	/**
	 * How many partitions the ledger store has.
	 * @return {@code jointops.topics.partitions}
	 */
	int partitions() {
		return this.partitions;
	}

	/**
	 * The ledger store's partitions among a task's source partitions.
	 * @param sources source topic partitions
	 * @return the partitions of the topic the ledger's task reads
	 */
	static Set<Integer> ledgerPartitions(Set<TopicPartition> sources) {
		Set<Integer> partitions = new TreeSet<>();
		for (TopicPartition source : sources) {
			if (source.topic().endsWith(LEDGER_SOURCE)) {
				partitions.add(source.partition());
			}
		}
		return partitions;
	}

	private int partitionOf(String operation) {
		return Utils.toPositive(Utils.murmur2(KEYS.serialize(null, operation))) % this.partitions;
	}

	/**
	 * Where a query of an operation goes.
	 *
	 * @param route the route
	 * @param situation what it was decided from
	 * @param partition the ledger partition that holds the operation
	 * @param standbys the other instances that hold a standby replica of it
	 */
	record Placement(Route route, Routing.Situation situation, int partition, List<HostInfo> standbys) {
	}

}
