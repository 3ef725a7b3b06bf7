package org.jointops.producer.ingest;

import java.util.ArrayList;
import java.util.List;

import org.jointops.producer.publish.KafkaUnavailableException;
import org.jointops.producer.publish.PublishedRecord;
import org.jointops.producer.publish.ReportPublisher;
import org.jointops.report.ReportRevision;

/**
 * Stands in for Kafka in web tests, which are about what reaches the publisher, not about
 * Kafka (the integration tests use a real broker).
 */
public class RecordingPublisher implements ReportPublisher {

	private final List<ReportRevision> published = new ArrayList<>();

	private volatile boolean unavailable;

	@Override
	public synchronized PublishedRecord publish(ReportRevision revision) {
		if (this.unavailable) {
			throw new KafkaUnavailableException("Kafka did not acknowledge the report within 10 s", null);
		}
		this.published.add(revision);
		return new PublishedRecord("findings.kaz", 0, this.published.size() - 1);
	}

	public synchronized List<ReportRevision> published() {
		return List.copyOf(this.published);
	}

	public synchronized void makeUnavailable() {
		this.unavailable = true;
	}

	public synchronized void reset() {
		this.published.clear();
		this.unavailable = false;
	}

}
