package org.jointops.producer.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the findings topic if it is missing, in the background, after a failed publish.
 * The topic is created at start-up too, but a producer started before its broker would
 * otherwise never have it (the broker must not auto-create it: it would not keep records
 * for ever).
 */
class FindingsTopicGuard implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(FindingsTopicGuard.class);

	private final KafkaAdmin admin;

	private final NewTopic topic;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "findings-topic-guard");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	FindingsTopicGuard(KafkaAdmin admin, NewTopic topic) {
		this.admin = admin;
		this.topic = topic;
	}

	/** Starts one attempt unless one is already running; never blocks the caller. */
	void ensureTopicSoon() {
		if (this.running.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				try {
					this.admin.createOrModifyTopics(this.topic);
				}
				catch (RuntimeException ex) {
					logger.debug("Topic {} not ensured yet: {}", this.topic.name(), ex.getMessage());
				}
				finally {
					this.running.set(false);
				}
			});
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
