package org.jointops.support.replication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One check of the topics that exist against {@link ReplicationProperties}: lists the
 * topics the service may see, keeps those it uses ({@link ReplicatedTopics}), and
 * describes their partitions and their {@code min.insync.replicas}.
 */
final class ReplicationCheck {

	private final ReplicationProperties required;

	private final List<ReplicatedTopics> topics;

	private final Duration timeout;

	ReplicationCheck(ReplicationProperties required, List<ReplicatedTopics> topics, Duration timeout) {
		this.required = required;
		this.topics = List.copyOf(topics);
		this.timeout = timeout;
	}

	/**
	 * Checks the topics that exist now.
	 * @param admin a client of the cluster
	 * @return what was found
	 * @throws ExecutionException if the cluster refused to list or describe the topics
	 * @throws InterruptedException if interrupted while waiting
	 * @throws TimeoutException if the cluster did not answer in time
	 */
	Outcome run(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
		List<String> names = new ArrayList<>();
		for (String name : get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names())) {
			if (covered(name)) {
				names.add(name);
			}
		}
		if (names.isEmpty()) {
			return evaluate(List.of(), Map.of());
		}
		Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
		List<ConfigResource> resources = names.stream()
			.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
			.toList();
		Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(resources).values();
		List<TopicReplication> found = new ArrayList<>();
		Map<String, String> unchecked = new TreeMap<>();
		for (String name : names) {
			TopicDescription description = descriptions.get(name);
			if (description == null) {
				continue;
			}
			int replicas = description.partitions()
				.stream()
				.map(TopicPartitionInfo::replicas)
				.mapToInt(Collection::size)
				.min()
				.orElse(0);
			try {
				Config config = get(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)));
				ConfigEntry entry = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
				int minIsr = (entry != null && entry.value() != null) ? Integer.parseInt(entry.value()) : 1;
				found.add(new TopicReplication(name, replicas, minIsr));
			}
			catch (ExecutionException ex) {
				unchecked.put(name, "its configuration cannot be read: " + ex.getCause());
			}
		}
		return evaluate(found, unchecked);
	}

	/**
	 * What the topics found lack.
	 * @param found the topics and their replication
	 * @param unchecked topics whose replication could not be read, and why
	 * @return the outcome
	 */
	Outcome evaluate(List<TopicReplication> found, Map<String, String> unchecked) {
		List<String> shortfalls = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		for (TopicReplication topic : found) {
			checked.add(topic.topic());
			String shortfall = this.required.shortfall(topic);
			if (shortfall != null) {
				shortfalls.add(shortfall);
			}
		}
		return new Outcome(checked.stream().sorted().toList(), shortfalls.stream().sorted().toList(),
				Map.copyOf(unchecked));
	}

	private boolean covered(String name) {
		return this.topics.stream().anyMatch((topics) -> topics.covers(name));
	}

	private <T> T get(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
		return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The result of one check.
	 *
	 * @param checked the topics checked
	 * @param shortfalls what each topic that falls short has and what is required
	 * @param unchecked topics whose configuration could not be read, and why
	 */
	record Outcome(List<String> checked, List<String> shortfalls, Map<String, String> unchecked) {

		boolean sufficient() {
			return this.shortfalls.isEmpty();
		}

	}

}
