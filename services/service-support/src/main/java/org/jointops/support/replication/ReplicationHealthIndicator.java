package org.jointops.support.replication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The {@code replication} health check: DOWN while a topic the service uses
 * ({@link ReplicatedTopics}) has fewer replicas or a lower {@code min.insync.replicas}
 * than {@link ReplicationProperties} require, the message naming the topic, what it has
 * and what is required. The topics are checked once the application is ready, then every
 * {@code jointops.kafka.replication.check-interval} in the background; a health request
 * answers the latest check and never waits for the cluster. Existing topics are never
 * altered: raising the replication of a topic is an operator's reassignment.
 */
public class ReplicationHealthIndicator
		implements HealthIndicator, ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReplicationHealthIndicator.class);

	private final Map<String, Object> adminProperties;

	private final ReplicationCheck check;

	private final ReplicationProperties required;

	private final Clock clock;

	private volatile Health latest = Health.unknown().withDetail("reason", "not checked yet").build();

	private volatile ScheduledExecutorService scheduler;

	private volatile Admin admin;

	private volatile boolean running;

	private volatile List<String> reported = List.of();

	public ReplicationHealthIndicator(Map<String, Object> adminProperties, ReplicationProperties required,
			List<ReplicatedTopics> topics, Duration timeout, Clock clock) {
		this.adminProperties = new HashMap<>(adminProperties);
		this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.check = new ReplicationCheck(required, topics, timeout);
		this.required = required;
		this.clock = clock;
	}

	@Override
	public Health health() {
		return this.latest;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		scheduleChecks();
	}

	/**
	 * Checks the topics now, in the background, and then every
	 * {@code jointops.kafka.replication.check-interval}.
	 */
	void scheduleChecks() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			long interval = this.required.checkInterval().toMillis();
			executor.scheduleWithFixedDelay(this::checkNow, 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	/** Checks the topics now, and keeps the outcome for the health requests. */
	void checkNow() {
		Admin client = this.admin;
		if (client == null) {
			return;
		}
		Instant at = this.clock.instant();
		try {
			ReplicationCheck.Outcome outcome = this.check.run(client);
			this.latest = health(outcome, at);
			if (!outcome.shortfalls().equals(this.reported)) {
				outcome.shortfalls()
					.forEach((shortfall) -> logger.warn("Replication below the configured: {}", shortfall));
				this.reported = outcome.shortfalls();
			}
		}
		catch (ExecutionException ex) {
			this.latest = Health.unknown()
				.withDetail("reason", "topics cannot be checked: " + ex.getCause())
				.withDetail("checkedAt", at.toString())
				.build();
		}
		catch (TimeoutException ex) {
			this.latest = Health.unknown()
				.withDetail("reason", "the cluster did not answer the check in time")
				.withDetail("checkedAt", at.toString())
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Replication check failed", ex);
		}
	}

	private Health health(ReplicationCheck.Outcome outcome, Instant at) {
		Health.Builder builder = outcome.sufficient() ? Health.up() : Health.down();
		Map<String, Object> required = new LinkedHashMap<>();
		required.put("replicationFactor", this.required.replicationFactor());
		required.put("minInsyncReplicas", this.required.minInsyncReplicas());
		builder.withDetail("required", required);
		builder.withDetail("topics", outcome.checked());
		if (!outcome.sufficient()) {
			builder.withDetail("shortfalls", outcome.shortfalls());
		}
		if (!outcome.unchecked().isEmpty()) {
			builder.withDetail("unchecked", outcome.unchecked());
		}
		return builder.withDetail("checkedAt", at.toString()).build();
	}

	@Override
	public void start() {
		this.admin = Admin.create(this.adminProperties);
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "replication-check");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdownNow();
		}
		Admin client = this.admin;
		if (client != null) {
			client.close(Duration.ofSeconds(1));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
