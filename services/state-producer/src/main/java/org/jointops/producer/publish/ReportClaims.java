package org.jointops.producer.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jointops.report.ReportRevision;

/**
 * Reserves the id of each new report for the agency that sends its first revision, before
 * the revision is published: from then on only that agency may publish revisions of the
 * report.
 */
public interface ReportClaims {

	/**
	 * Reserves the report ids of the revisions that no agency holds yet for the
	 * revisions' agencies, and says which revisions are of reports another agency holds
	 * (it may have reserved one of them just before, on another instance).
	 * @param revisions revisions about to be published
	 * @param timeout how long Kafka may take
	 * @return by report id, the agency that holds it, for every revision whose agency
	 * does not; empty if every revision may be published
	 * @throws KafkaUnavailableException if a reservation was not acknowledged and read
	 * back in time (it may still have been made: it reserves the report id for the
	 * revision's agency, which can send the revision again)
	 */
	Map<String, String> claim(List<ReportRevision> revisions, Duration timeout);

}
