package org.jointops.producer.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.jointops.report.ReportRevision;
import org.jointops.wire.Topics;

import org.springframework.stereotype.Component;

/**
 * Which reports of this state were withdrawn, and at which revision, so that a revision
 * that would never count after the withdrawal can be answered with that reason, and one
 * that brings the report back can say so. Kept on the owners topic beside the owners
 * ({@link Topics#OWNERS_WITHDRAWN_PREFIX}) and learnt by following it like the owners
 * ({@link OwnersTopic}); noted here at once when this instance accepts a revision.
 * <p>
 * Best effort: another instance's mark is known a moment after that instance accepted the
 * withdrawal; only withdrawals accepted since marks were written are known; a withdrawal
 * is marked even if a higher revision the producer does not track was sent before it.
 * What counts is decided by the aggregator alone (the highest revision of a report),
 * never by these marks.
 */
@Component
public class WithdrawalMarks {

	private final Map<String, WithdrawalMark> marks = new ConcurrentHashMap<>();

	private volatile BiConsumer<String, WithdrawalMark> writer = (reportId, mark) -> {
	};

	/**
	 * The last mark of a report.
	 * @param reportId a report id
	 * @return its mark, or empty if no withdrawal of it is known
	 */
	public Optional<WithdrawalMark> of(String reportId) {
		return Optional.ofNullable(this.marks.get(reportId));
	}

	/**
	 * Notes a revision the broker has: a withdrawal higher than the report's mark marks
	 * it withdrawn; a higher revision of a report marked withdrawn marks it back. Either
	 * is written to the owners topic for the other instances.
	 * @param revision a revision the broker acknowledged
	 */
	public void published(ReportRevision revision) {
		WithdrawalMark known = this.marks.get(revision.getReportId());
		if (known != null && revision.getRevision() <= known.revision()) {
			return;
		}
		WithdrawalMark mark;
		if (revision.getWithdrawn()) {
			mark = WithdrawalMark.withdrawn(revision.getRevision(), revision.getSubmittedAt());
		}
		else if (known != null && known.isWithdrawn()) {
			mark = WithdrawalMark.back(revision.getRevision(), revision.getSubmittedAt());
		}
		else {
			return;
		}
		if (noted(revision.getReportId(), mark).equals(mark)) {
			this.writer.accept(revision.getReportId(), mark);
		}
	}

	/**
	 * Notes a mark unless a mark of a higher revision is known.
	 * @param reportId a report id
	 * @param mark its mark
	 * @return the report's mark now: the one given or a higher one
	 */
	WithdrawalMark noted(String reportId, WithdrawalMark mark) {
		return this.marks.merge(reportId, mark,
				(known, added) -> (added.revision() > known.revision()) ? added : known);
	}

	/**
	 * Where new marks are written.
	 * @param writer writes a report's mark to the owners topic
	 */
	void writeTo(BiConsumer<String, WithdrawalMark> writer) {
		this.writer = writer;
	}

	/**
	 * The key of a mark on the owners topic: one per report and revision, so that a key
	 * is always written with the same meaning.
	 * @param reportId a report id
	 * @param revision the marked revision
	 * @return e.g. {@code #withdrawn/KAZ-INTERIOR-2017-0001/3}
	 */
	static String key(String reportId, int revision) {
		return Topics.OWNERS_WITHDRAWN_PREFIX + reportId + "/" + revision;
	}

	/**
	 * The report id of a key of the owners topic, if it is a mark's.
	 * @param key a key of the owners topic
	 * @return the report id, or empty if the key is not a mark's
	 */
	static Optional<String> reportIdOf(String key) {
		if (!key.startsWith(Topics.OWNERS_WITHDRAWN_PREFIX)) {
			return Optional.empty();
		}
		int revision = key.lastIndexOf('/');
		return (revision > Topics.OWNERS_WITHDRAWN_PREFIX.length() - 1)
				? Optional.of(key.substring(Topics.OWNERS_WITHDRAWN_PREFIX.length(), revision)) : Optional.empty();
	}

}
