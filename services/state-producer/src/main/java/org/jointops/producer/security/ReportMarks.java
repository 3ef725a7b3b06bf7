package org.jointops.producer.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.jointops.report.ReportRevision;
import org.jointops.wire.Topics;

import org.springframework.stereotype.Component;

/**
 * What this state's producers last recorded of each report: whether it was withdrawn, and
 * at which revision, so that a revision that would never count after the withdrawal can
 * be answered with that reason, and one that brings the report back can say so; and the
 * operation and stage its figures stand in, so that a revision or withdrawal that would
 * move them out of a locked stage is refused even when it names an open one. Kept on the
 * owners topic beside the owners ({@link Topics#OWNERS_MARK_PREFIX}) and learnt by
 * following it like the owners ({@link OwnersTopic}); noted here at once when this
 * instance accepts a revision. A mark is written for a report's first revision, a
 * withdrawal, a revision that brings it back, and a revision that moves it to another
 * operation or stage; revisions that leave it where it stands write nothing.
 * <p>
 * Best effort: another instance's mark is known a moment after that instance accepted the
 * revision; only reports with a revision accepted since marks were written are known (the
 * slot since slots were recorded); a mark is noted even if a higher revision the producer
 * does not track was sent before it. What counts is decided by the aggregator alone (the
 * highest revision of a report), never by these marks.
 */
@Component
public class ReportMarks {

	private final Map<String, ReportMark> marks = new ConcurrentHashMap<>();

	private volatile BiConsumer<String, ReportMark> writer = (reportId, mark) -> {
	};

	/**
	 * The last mark of a report.
	 * @param reportId a report id
	 * @return its mark, or empty if no mark of it is known
	 */
	public Optional<ReportMark> of(String reportId) {
		return Optional.ofNullable(this.marks.get(reportId));
	}

	/**
	 * Notes a revision the broker has: a withdrawal higher than the report's mark marks
	 * it withdrawn; a higher revision of a report marked withdrawn marks it back; a
	 * higher revision of a report not known or standing elsewhere marks where it stands
	 * now. Each is written to the owners topic for the other instances.
	 * @param revision a revision the broker acknowledged
	 */
	public void published(ReportRevision revision) {
		ReportMark known = this.marks.get(revision.getReportId());
		if (known != null && revision.getRevision() <= known.revision()) {
			return;
		}
		ReportMark.Slot slot = new ReportMark.Slot(revision.getOperation(), revision.getStage());
		ReportMark mark;
		if (revision.getWithdrawn()) {
			mark = ReportMark.withdrawn(revision.getRevision(), revision.getSubmittedAt(), slot);
		}
		else if (known != null && known.isWithdrawn()) {
			mark = ReportMark.back(revision.getRevision(), revision.getSubmittedAt(), slot);
		}
		else if (known == null || !known.standsIn().equals(Optional.of(slot))) {
			mark = ReportMark.stands(revision.getRevision(), revision.getSubmittedAt(), slot);
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
	ReportMark noted(String reportId, ReportMark mark) {
		return this.marks.merge(reportId, mark,
				(known, added) -> (added.revision() > known.revision()) ? added : known);
	}

	/**
	 * Where new marks are written.
	 * @param writer writes a report's mark to the owners topic
	 */
	void writeTo(BiConsumer<String, ReportMark> writer) {
		this.writer = writer;
	}

	/**
	 * The key of a mark on the owners topic: one per report, revision and what it marks,
	 * so that a key is always written with the same meaning.
	 * @param reportId a report id
	 * @param mark the mark
	 * @return e.g. {@code #mark/KAZ-INTERIOR-2017-0001/3/WITHDRAWN}
	 */
	static String key(String reportId, ReportMark mark) {
		return Topics.OWNERS_MARK_PREFIX + reportId + "/" + mark.revision() + "/" + mark.state();
	}

	/**
	 * The report id of a key of the owners topic, if it is a mark's: written by this
	 * release ({@link Topics#OWNERS_MARK_PREFIX}) or by the one before, which marked
	 * withdrawals only ({@link Topics#OWNERS_WITHDRAWN_PREFIX}).
	 * @param key a key of the owners topic
	 * @return the report id, or empty if the key is not a mark's
	 */
	static Optional<String> reportIdOf(String key) {
		if (key.startsWith(Topics.OWNERS_MARK_PREFIX)) {
			// <reportId>/<revision>/<state>
			return beforeLastSlash(key.substring(Topics.OWNERS_MARK_PREFIX.length()))
				.flatMap(ReportMarks::beforeLastSlash);
		}
		if (key.startsWith(Topics.OWNERS_WITHDRAWN_PREFIX)) {
			// <reportId>/<revision>
			return beforeLastSlash(key.substring(Topics.OWNERS_WITHDRAWN_PREFIX.length()));
		}
		return Optional.empty();
	}

	private static Optional<String> beforeLastSlash(String text) {
		int slash = text.lastIndexOf('/');
		return (slash > 0) ? Optional.of(text.substring(0, slash)) : Optional.empty();
	}

}
