package org.jointops.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service writes to when they are missing, and never changes one
 * that exists: adding partitions to a keyed topic would move keys to other partitions,
 * and a compacted topic would keep old values on the old ones. A topic that differs from
 * its definition is reported, not altered.
 */
public class TopicProvisioner {

	private static final Logger logger = LoggerFactory.getLogger(TopicProvisioner.class);

	private final Map<String, Object> adminProperties;

	private final Duration timeout;

	public TopicProvisioner(Map<String, Object> adminProperties, Duration timeout) {
		this.adminProperties = new HashMap<>(adminProperties);
		this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.timeout = timeout;
	}

	/**
	 * Creates a topic unless it exists.
	 * @param topic its definition
	 * @throws TopicsUnavailableException if the cluster did not answer in time
	 */
	public void createIfMissing(NewTopic topic) {
		try (Admin admin = Admin.create(this.adminProperties)) {
			if (created(admin, topic)) {
				logger.info("Created topic {} ({} partitions)", topic.name(), topic.numPartitions());
			}
			else {
				compare(admin, topic);
			}
		}
		catch (ExecutionException ex) {
			throw new TopicsUnavailableException("Cannot create topic " + topic.name(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicsUnavailableException("Interrupted while creating topic " + topic.name(), ex);
		}
		catch (TimeoutException ex) {
			throw new TopicsUnavailableException("Kafka did not answer within " + this.timeout.toSeconds()
					+ " s while creating topic " + topic.name(), ex);
		}
	}

	private boolean created(Admin admin, NewTopic topic)
			throws InterruptedException, ExecutionException, TimeoutException {
		try {
			admin.createTopics(List.of(topic)).all().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw ex;
		}
	}

	private void compare(Admin admin, NewTopic topic)
			throws InterruptedException, ExecutionException, TimeoutException {
		TopicDescription existing = admin.describeTopics(List.of(topic.name()))
			.allTopicNames()
			.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.get(topic.name());
		int partitions = existing.partitions().size();
		if (topic.numPartitions() > 0 && partitions != topic.numPartitions()) {
			logger.warn("Topic {} has {} partitions where {} are configured: left as it is (the partitions of "
					+ "an existing topic are never changed)", topic.name(), partitions, topic.numPartitions());
		}
	}

	/**
	 * Kafka could not be asked to create a topic.
	 */
	public static class TopicsUnavailableException extends RuntimeException {

		TopicsUnavailableException(String message, Throwable cause) {
			super(message + ": " + cause, cause);
		}

	}

}
