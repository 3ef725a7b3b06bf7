package org.jointops.system.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the topics of a cluster are replicated, as the brokers have it: replicas of each
 * partition and the effective {@code min.insync.replicas} (the topic's own, or the
 * cluster's default).
 */
public final class Replication {

	private Replication() {
	}

	/**
	 * Asserts that every topic, internal ones (consumer offsets, transaction state) and
	 * Kafka Streams' changelog and repartition topics included, has this many replicas of
	 * every partition and needs this many in sync.
	 * @param admin an administrator's client of the cluster
	 * @param replicas replicas of each partition
	 * @param minInsync the {@code min.insync.replicas} of each topic
	 * @return the topics checked, by name
	 */
	public static List<String> assertEveryTopic(Admin admin, int replicas, int minInsync) {
		Map<String, String> found = describe(admin);
		String expected = replicas + " replicas, min.insync.replicas " + minInsync;
		assertThat(found).as("replication of every topic")
			.allSatisfy((topic, replication) -> assertThat(replication).as(topic).isEqualTo(expected));
		return new ArrayList<>(found.keySet());
	}

	private static Map<String, String> describe(Admin admin) {
		try {
			Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
				.names()
				.get(10, TimeUnit.SECONDS);
			Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			Map<ConfigResource, Config> configs = admin
				.describeConfigs(topics.stream()
					.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
					.collect(Collectors.toList()))
				.all()
				.get(10, TimeUnit.SECONDS);
			Map<String, String> replication = new TreeMap<>();
			descriptions.forEach((topic, description) -> {
				Set<Integer> sizes = description.partitions()
					.stream()
					.map((partition) -> partition.replicas().size())
					.collect(Collectors.toSet());
				String minInsync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
					.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
					.value();
				replication.put(topic,
						((sizes.size() == 1) ? sizes.iterator().next() + " replicas" : sizes + " replicas")
								+ ", min.insync.replicas " + minInsync);
			});
			return replication;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Cannot describe the cluster's topics", ex);
		}
	}

}
