package org.jointops.aggregator.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.jointops.aggregator.ledger.LedgerStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What the group coordinator says this application's members hold: an instance answers
 * from its active store only while the coordinator has confirmed, less than
 * {@link #VALIDITY} ago, that one of its own stream threads holds the store's partition.
 * <p>
 * Kafka Streams' metadata alone cannot tell. An instance cut off from the cluster keeps
 * its tasks, its stores and its metadata (it still names itself the active instance)
 * until, after the partition heals, it hears that the group went on without it; until
 * then its store lacks whatever the instance that took over has counted meanwhile, and
 * would be answered as current. With this check it answers 503 instead, from the moment
 * its last confirmation grows old (well within the session timeout after which the group
 * moves its partitions) until it holds the partition again.
 * <p>
 * The coordinator gives assignments only while the group is stable. While it rebalances,
 * each description confirms again the holders of the previous confirmation, if that is
 * less than {@link #VALIDITY} old and the holder is the same member still (a member that
 * was dropped and joined again has a new member id): a member still in the group has not
 * been replaced, and a rebalance moves a task only once its holder has given it up.
 * <p>
 * A deployment of one instance ({@code jointops.instances.expected} 1) needs no
 * confirmation: no other instance can take its partitions over and count what its stores
 * lack, so nothing is asked and every partition it holds is confirmed.
 * <p>
 * On a thread of its own, it also reads how far behind the active stores this instance's
 * copies of the ledger partitions are ({@link KafkaStreams#allLocalStorePartitionLags},
 * which asks the brokers and may block for a long while when one is gone), so that no
 * query waits on it: a query reads the last lags, if they are at most {@link #LAG_AGE}
 * old.
 */
@Component
class GroupConfirmation implements SmartLifecycle {

	/** How often the group is described. */
	static final Duration REFRESH = Duration.ofSeconds(1);

	/**
	 * How long a confirmation holds, counted from when it was asked for: shorter than any
	 * session timeout the group may have (6 s at the least).
	 */
	static final Duration VALIDITY = Duration.ofSeconds(3);

	/** How old the lags of the copies here may be to be used. */
	static final Duration LAG_AGE = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(GroupConfirmation.class);

	private final StreamsBuilderFactoryBean streams;

	private final Map<String, Object> adminProperties;

	private final boolean alone;

	private volatile Confirmed latest;

	private volatile Lags lags;

	private ScheduledExecutorService refresher;

	private Admin admin;

	private volatile boolean running;

	GroupConfirmation(StreamsBuilderFactoryBean streams, KafkaAdmin kafkaAdmin, InstancesProperties instances) {
		this.streams = streams;
		this.alone = instances.expected() <= 1;
		this.adminProperties = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) VALIDITY.toMillis());
		this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) VALIDITY.toMillis());
		this.adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, "jointops-aggregator-group-confirmation");
	}

	/**
	 * Whether the coordinator has lately confirmed that this instance holds the active
	 * task of a ledger partition.
	 * @param partition the ledger partition
	 * @return true if a stream thread of this instance held it in a confirmation asked
	 * for less than {@link #VALIDITY} ago, or if this is the deployment's only instance
	 */
	boolean holds(int partition) {
		if (this.alone) {
			return true;
		}
		return holds(this.latest, partition, localConsumers(), System.nanoTime());
	}

	static boolean holds(Confirmed confirmed, int partition, Set<String> localConsumers, long now) {
		if (!fresh(confirmed, now)) {
			return false;
		}
		Holder holder = confirmed.holders().get(partition);
		return holder != null && localConsumers.contains(holder.clientId());
	}

	/**
	 * What a description of the group confirms.
	 * @param previous the last confirmation
	 * @param askedAt when the description was asked for
	 * @param stable whether the group was stable (only then does it give assignments)
	 * @param members its members
	 * @return the holders of the ledger partitions, as of when it was asked for
	 */
	static Confirmed confirm(Confirmed previous, long askedAt, boolean stable, List<MemberDescription> members) {
		Map<Integer, Holder> holders = new HashMap<>();
		if (stable) {
			for (MemberDescription member : members) {
				Holder holder = new Holder(member.consumerId(), member.clientId());
				InstanceRouter.ledgerPartitions(member.assignment().topicPartitions())
					.forEach((partition) -> holders.put(partition, holder));
			}
		}
		else if (fresh(previous, askedAt)) {
			Set<String> present = members.stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
			previous.holders().forEach((partition, holder) -> {
				if (present.contains(holder.memberId())) {
					holders.put(partition, holder);
				}
			});
		}
		return new Confirmed(askedAt, holders);
	}

	private static boolean fresh(Confirmed confirmed, long now) {
		return confirmed != null && now - confirmed.askedAt() < VALIDITY.toNanos();
	}

	/**
	 * How far behind its active store this instance's copy of a ledger partition is, as
	 * last read.
	 * @param partition the ledger partition
	 * @return its lag, or null if there is no copy here or the last reading is too old
	 */
	LagInfo lag(int partition) {
		return ledgerLags().get(partition);
	}

	/**
	 * How far behind their active stores this instance's copies of the ledger partitions
	 * are, as last read.
	 * @return partition to lag, empty when the last reading is more than {@link #LAG_AGE}
	 * old
	 */
	Map<Integer, LagInfo> ledgerLags() {
		Lags known = this.lags;
		return (known != null && System.nanoTime() - known.readAt() < LAG_AGE.toNanos()) ? known.ledger() : Map.of();
	}

	private void refreshLags() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return;
		}
		long readAt = System.nanoTime();
		try {
			Map<Integer, LagInfo> ledger = kafkaStreams.allLocalStorePartitionLags().get(LedgerStores.LEDGER);
			this.lags = new Lags(readAt, (ledger != null) ? Map.copyOf(ledger) : Map.of());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the lags of the stores here", ex);
		}
	}

	private Set<String> localConsumers() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Set.of();
		}
		try {
			return kafkaStreams.metadataForLocalThreads()
				.stream()
				.map(ThreadMetadata::consumerClientId)
				.collect(Collectors.toSet());
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
	}

	private void refresh() {
		Properties configuration = this.streams.getStreamsConfiguration();
		String group = (configuration != null) ? configuration.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) : null;
		if (group == null) {
			return;
		}
		long askedAt = System.nanoTime();
		try {
			ConsumerGroupDescription description = this.admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(VALIDITY.toMillis(), TimeUnit.MILLISECONDS);
			this.latest = confirm(this.latest, askedAt, description.groupState() == GroupState.STABLE,
					List.copyOf(description.members()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// the last confirmation ages; answers from the active store stop when it is
			// old
			logger.debug("Could not describe the group {}", group, ex);
		}
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.alone) {
			return;
		}
		this.admin = Admin.create(this.adminProperties);
		this.refresher = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "group-confirmation");
			thread.setDaemon(true);
			return thread;
		});
		// at a fixed rate: a slow description does not push the next one back
		this.refresher.scheduleAtFixedRate(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
		this.refresher.scheduleWithFixedDelay(this::refreshLags, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.refresher != null) {
			this.refresher.shutdownNow();
		}
		if (this.admin != null) {
			this.admin.close(Duration.ZERO);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * A confirmation from the coordinator.
	 *
	 * @param askedAt when it was asked for ({@link System#nanoTime()}): it holds from
	 * then
	 * @param holders ledger partition to the member that holds it
	 */
	record Confirmed(long askedAt, Map<Integer, Holder> holders) {
	}

	/**
	 * The lags of this instance's copies of the ledger partitions.
	 *
	 * @param readAt when they were read ({@link System#nanoTime()})
	 * @param ledger ledger partition to lag
	 */
	record Lags(long readAt, Map<Integer, LagInfo> ledger) {
	}

	/**
	 * A member of the group.
	 *
	 * @param memberId its member id (new each time it joins)
	 * @param clientId its consumer's client id (a stream thread's)
	 */
	record Holder(String memberId, String clientId) {
	}

}
