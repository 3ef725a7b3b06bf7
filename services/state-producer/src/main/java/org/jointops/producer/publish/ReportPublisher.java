package org.jointops.producer.publish;

import java.util.ArrayList;
import java.util.List;

import org.jointops.report.ReportRevision;

/**
 * Publishes accepted revisions to the state's findings topic, the first revision of a
 * report only once its report id is reserved for the revision's agency
 * ({@link ReportClaims}).
 */
public interface ReportPublisher {

	/**
	 * Sends a revision and waits for the broker's acknowledgement.
	 * @param revision a valid revision of this service's state
	 * @return where the broker stored it
	 * @throws KafkaUnavailableException if the broker did not acknowledge it in time
	 * @throws NotTheOwnerException if another agency holds the report id
	 */
	PublishedRecord publish(ReportRevision revision);

	/**
	 * Sends revisions in order and waits for the broker's acknowledgements. Once one is
	 * not acknowledged, the rest are not attempted (Kafka is unlikely to take them now)
	 * and are reported failed too. A revision whose report id another agency holds is not
	 * sent. This default sends one at a time.
	 * @param revisions valid revisions of this service's state
	 * @return one outcome per revision, in the same order
	 */
	default List<PublishOutcome> publishAll(List<ReportRevision> revisions) {
		List<PublishOutcome> outcomes = new ArrayList<>(revisions.size());
		KafkaUnavailableException failure = null;
		for (ReportRevision revision : revisions) {
			if (failure != null) {
				outcomes.add(PublishOutcome.failed(failure));
				continue;
			}
			try {
				outcomes.add(PublishOutcome.stored(publish(revision)));
			}
			catch (NotTheOwnerException ex) {
				outcomes.add(PublishOutcome.ownedBy(ex.owner()));
			}
			catch (KafkaUnavailableException ex) {
				failure = ex;
				outcomes.add(PublishOutcome.failed(ex));
			}
		}
		return outcomes;
	}

}
