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
 * the report. Learnt from the state's owners topic, read from its start when the producer
 * starts and followed from then on, so that other instances' reports count too
 * ({@link OwnersTopic}): the first record of a report id names its owner.
 */
@Component
public class ReportOwners {

	private final Map<String, String> firstAgency = new ConcurrentHashMap<>();

	private final CountDownLatch ready = new CountDownLatch(1);

	/**
	 * The agency that first sent a report.
	 * @param reportId a report id
	 * @return the agency that first sent it, or empty for a new report
	 * @throws KafkaUnavailableException while the owners topic has not been read to its
	 * end yet
	 */
	public Optional<String> firstAgency(String reportId) {
		if (this.ready.getCount() > 0) {
			throw new KafkaUnavailableException(
					"the producer is still reading who sent which report from its owners topic", null);
		}
		return known(reportId);
	}

	/**
	 * The owner of a report as far as it is known yet, ready or not.
	 * @param reportId a report id
	 * @return its owner, or empty
	 */
	Optional<String> known(String reportId) {
		return Optional.ofNullable(this.firstAgency.get(reportId));
	}

	/**
	 * Notes a report's owner as read from the owners topic, unless the report has one.
	 * @param reportId a report id
	 * @param agency the agency a record of the owners topic names
	 * @return the report's owner: that agency, or the one noted before
	 */
	String noted(String reportId, String agency) {
		String earlier = this.firstAgency.putIfAbsent(reportId, agency);
		return (earlier != null) ? earlier : agency;
	}

	/** The owners topic has been read to the end it had at start-up. */
	public void markReady() {
		this.ready.countDown();
	}

	/**
	 * Waits a while for the owners topic to be read.
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

	/**
	 * How many reports have a known owner.
	 * @return the number of reports
	 */
	int size() {
		return this.firstAgency.size();
	}

}
