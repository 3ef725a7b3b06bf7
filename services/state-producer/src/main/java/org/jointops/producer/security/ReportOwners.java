package org.jointops.producer.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jointops.producer.publish.KafkaUnavailableException;

import org.springframework.stereotype.Component;

/**
 * The agency that first sent each report of this state: only it may revise or withdraw
 * the report. Rebuilt at start-up from the state's findings topic (the first record of a
 * report id in its partition is its first accepted revision) and kept up to date from
 * both this instance's submissions and the topic, so other instances' submissions count
 * too ({@link FindingsTopicOwners}).
 */
@Component
public class ReportOwners {

	private final Map<String, String> firstAgency = new ConcurrentHashMap<>();

	private final CountDownLatch ready = new CountDownLatch(1);

	/**
	 * The agency that first sent a report.
	 * @param reportId a report id
	 * @return the agency that first sent it, or empty for a new report
	 * @throws KafkaUnavailableException while the topic has not been read to its end yet
	 */
	public Optional<String> firstAgency(String reportId) {
		if (this.ready.getCount() > 0) {
			throw new KafkaUnavailableException(
					"the producer is still reading who sent which report from its findings topic", null);
		}
		return Optional.ofNullable(this.firstAgency.get(reportId));
	}

	/**
	 * Notes a report's agency unless the report already has one.
	 * @param reportId a report id
	 * @param agency the agency of an accepted revision of it
	 */
	public void accepted(String reportId, String agency) {
		this.firstAgency.putIfAbsent(reportId, agency);
	}

	/** The findings topic has been read to the end it had at start-up. */
	public void markReady() {
		this.ready.countDown();
	}

	/**
	 * Waits a while for the topic to be read.
	 * @param patience how long at most
	 * @return whether it was
	 */
	boolean awaitReady(Duration patience) {
		try {
			return this.ready.await(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	int size() {
		return this.firstAgency.size();
	}

}
