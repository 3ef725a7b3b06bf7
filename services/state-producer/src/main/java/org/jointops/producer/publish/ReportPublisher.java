package org.jointops.producer.publish;

import org.jointops.report.ReportRevision;

/**
 * Publishes accepted revisions to the state's findings topic.
 */
public interface ReportPublisher {

	/**
	 * Sends a revision and waits for the broker's acknowledgement.
	 * @param revision a valid revision of this service's state
	 * @return where the broker stored it
	 * @throws KafkaUnavailableException if the broker did not acknowledge it in time
	 */
	PublishedRecord publish(ReportRevision revision);

}
