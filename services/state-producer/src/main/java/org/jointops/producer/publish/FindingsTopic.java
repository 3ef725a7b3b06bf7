package org.jointops.producer.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jointops.producer.ProducerProperties;
import org.jointops.support.kafka.TopicProvisioner;
import org.jointops.support.replication.ReplicationProperties;
import org.jointops.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The state's findings topic, the system of record: records are kept for ever. It is
 * created at start-up if missing, and again in the background after a failed publish, so
 * a producer started before its broker, or whose topic was deleted, heals itself (the
 * broker must not auto-create it: it would not keep records for ever). An existing topic
 * is never altered.
 */
@Component
class FindingsTopic implements SmartInitializingSingleton, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(FindingsTopic.class);

	private final TopicProvisioner provisioner;

	private final NewTopic definition;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "findings-topic");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean ensuring = new AtomicBoolean();

	FindingsTopic(TopicProvisioner provisioner, ProducerProperties properties, ReplicationProperties replication) {
		this.provisioner = provisioner;
		this.definition = replication.topic(Topics.findings(properties.state()))
			.partitions(properties.topic().partitions())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

	String name() {
		return this.definition.name();
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.provisioner.createIfMissing(this.definition);
		}
		catch (TopicProvisioner.TopicsUnavailableException ex) {
			logger.warn("{}; reports are answered 503 until it exists", ex.getMessage());
		}
	}

	/** Starts one attempt unless one is under way; never blocks the caller. */
	void ensureSoon() {
		if (this.ensuring.compareAndSet(false, true)) {
			this.background.execute(() -> {
				try {
					this.provisioner.createIfMissing(this.definition);
				}
				catch (RuntimeException ex) {
					logger.debug("Topic {} not ensured yet: {}", name(), ex.getMessage());
				}
				finally {
					this.ensuring.set(false);
				}
			});
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
