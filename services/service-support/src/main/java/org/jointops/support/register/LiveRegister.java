package org.jointops.support.register;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jointops.register.InvalidRegisterException;
import org.jointops.register.RegisterDocument;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The registers of a running service, each replaced by its next version read from
 * {@value Topics#REGISTER}: a {@link TopicFollower} reads the topic's single partition
 * from the beginning, without a consumer group, {@code read_committed}, like the
 * catalogue's. A record whose version is not higher than its operation's is skipped (the
 * first of two writers of one version wins); a record that is not a register document is
 * logged and skipped, never fatal.
 */
public class LiveRegister implements CurrentRegister, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LiveRegister.class);

	private static final TopicPartition PARTITION = new TopicPartition(Topics.REGISTER, 0);

	private final TopicFollower<String, String> follower;

	private final Duration startupWait;

	private final Map<String, RegisterDocument> registers = new ConcurrentHashMap<>();

	private final Set<Long> appliedOffsets = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the registers, empty; they follow the topic once started.
	 * @param consumerProperties the service's consumer settings (bootstrap servers,
	 * security); the follower sets group, commits and isolation
	 * @param startupWait how long {@link #start()} waits to read what the topic holds
	 */
	public LiveRegister(Map<String, Object> consumerProperties, Duration startupWait) {
		this.follower = new TopicFollower<>(Topics.register(), consumerProperties, "register", this::apply);
		this.startupWait = startupWait;
	}

	@Override
	public RegisterDocument of(String operation) {
		RegisterDocument register = this.registers.get(operation);
		return (register != null) ? register : RegisterDocument.empty(operation);
	}

	@Override
	public Collection<RegisterDocument> all() {
		return List.copyOf(this.registers.values());
	}

	@Override
	public boolean awaitCaughtUp(Duration timeout) {
		return this.follower.awaitCaughtUp(timeout);
	}

	@Override
	public boolean awaitRead(long offset, Duration timeout) {
		return this.follower.awaitDelivered(PARTITION, offset, timeout);
	}

	@Override
	public boolean applied(long offset) {
		return this.appliedOffsets.contains(offset);
	}

	@Override
	public void start() {
		this.follower.start();
		if (!awaitCaughtUp(this.startupWait)) {
			logger.warn("Could not read {} within {} s; following it", Topics.REGISTER, this.startupWait.toSeconds());
		}
	}

	@Override
	public void stop() {
		this.follower.stop();
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

	/** Before the web server and Kafka Streams, after them when stopping. */
	@Override
	public int getPhase() {
		return 0;
	}

	void apply(ConsumerRecord<String, String> record) {
		RegisterDocument next;
		try {
			next = RegisterDocument.fromJson(record.value());
		}
		catch (InvalidRegisterException ex) {
			logger.error("Register record at offset {} of {} skipped: {}", record.offset(), Topics.REGISTER,
					ex.getMessage());
			return;
		}
		RegisterDocument current = of(next.operation());
		if (next.version() <= current.version()) {
			logger.debug("Register record at offset {} is not newer than version {} of {}; skipped", record.offset(),
					current.version(), next.operation());
			return;
		}
		this.appliedOffsets.add(record.offset());
		this.registers.put(next.operation(), next);
		logger.info("Register of {} at version {} (changed at {} by {})", next.operation(), next.version(),
				next.changedAt(), next.changedBy());
	}

}
