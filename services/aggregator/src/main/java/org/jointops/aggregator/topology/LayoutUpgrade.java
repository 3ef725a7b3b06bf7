package org.jointops.aggregator.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Tells, at start, whether a previous state layout's application exists on the cluster
 * (its consumer group or internal topics, see {@link StateLayout}) and, if so, logs one
 * INFO line: that the aggregator rebuilds its state from the findings topics (when this
 * layout's application has committed nothing yet), and which of the old layout's consumer
 * groups, internal topics and local state directories an operator may delete once
 * satisfied. It never deletes anything, and an answer it cannot get from Kafka is a
 * warning, not a failure: the upgrade itself needs none of this.
 */
class LayoutUpgrade implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(LayoutUpgrade.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Object> adminProperties;

	private final String base;

	private final Path stateDirectory;

	/**
	 * Creates the check.
	 * @param adminProperties an admin client's properties
	 * @param base the configured application id
	 * @param stateDirectory the Kafka Streams state directory, or null for the default
	 */
	LayoutUpgrade(Map<String, Object> adminProperties, String base, Path stateDirectory) {
		this.adminProperties = new HashMap<>(adminProperties);
		this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.base = base;
		this.stateDirectory = stateDirectory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try (Admin admin = Admin.create(this.adminProperties)) {
			find(admin).ifPresent(logger::info);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not check for the application of a previous state layout: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What there is of the previous layouts, said for an operator.
	 * @param admin an admin client
	 * @return the line to log, empty if nothing of a previous layout is left
	 */
	Optional<String> find(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
		List<String> previous = StateLayout.previousApplicationIds(this.base);
		Set<String> existing = get(admin.listTopics().names());
		List<String> topics = StateLayout.previousInternalTopics(this.base)
			.stream()
			.filter(existing::contains)
			.sorted()
			.toList();
		List<String> groups = previous.stream().filter((id) -> hasOffsets(admin, id)).toList();
		List<Path> directories = (this.stateDirectory != null)
				? previous.stream().map(this.stateDirectory::resolve).filter(Files::isDirectory).toList() : List.of();
		if (topics.isEmpty() && groups.isEmpty() && directories.isEmpty()) {
			return Optional.empty();
		}
		String current = StateLayout.applicationId(this.base);
		String leftovers = "consumer groups " + groups + ", internal topics " + topics + ", local state directories "
				+ directories;
		if (hasOffsets(admin, current)) {
			return Optional.of("The previous state layout's " + leftovers + " are no longer used (this "
					+ "aggregator runs as " + current + ", state layout " + StateLayout.GENERATION + "): an operator "
					+ "may delete them; the aggregator never does");
		}
		return Optional.of("Upgrading to state layout " + StateLayout.GENERATION + ": the aggregator "
				+ "rebuilds its state from the findings topics as application " + current + " (the totals answer 503 "
				+ "until it has caught up). The previous layout's " + leftovers + " are no longer used: once "
				+ "satisfied with the totals, an operator may delete them; the aggregator never does");
	}

	private static boolean hasOffsets(Admin admin, String group) {
		try {
			return !get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			// no such group, or not ours to describe
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

}
