package org.jointops.producer.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jointops.catalogue.Category;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ProducerProperties;
import org.jointops.producer.security.AgencyPrincipal;
import org.jointops.producer.security.ReportMark;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.wire.Quantities;

import org.springframework.stereotype.Component;

/**
 * Turns a posted report into a revision of this service's state: stamps the state, the
 * submission time and each line's unit, and checks it against the current catalogue
 * version: a retired operation or category is refused in a new revision, not in a
 * withdrawal; and against the register's locks: a stage this state submitted or the
 * secretariat accepted takes neither, nor does a report whose figures stand in such a
 * stage ({@link StageLocks}); and against the report's withdrawal: a revision not higher
 * than it would never count (both as far as {@link ReportMarks} know, best effort: the
 * aggregator alone decides what counts).
 */
@Component
public class ReportIntake {

	private final CurrentCatalogue catalogue;

	private final String state;

	private final Clock clock;

	private final ReportOwners owners;

	private final StageLocks locks;

	private final ReportMarks marks;

	ReportIntake(CurrentCatalogue catalogue, ProducerProperties properties, Clock clock, ReportOwners owners,
			StageLocks locks, ReportMarks marks) {
		this.catalogue = catalogue;
		this.owners = owners;
		this.locks = locks;
		this.marks = marks;
		this.state = properties.state();
		this.clock = clock;
		// member states are never removed from the catalogue: checked once
		if (catalogue.current().state(this.state).isEmpty()) {
			throw new IllegalStateException("jointops.state=" + this.state + " is not a member state of the catalogue ("
					+ catalogue.current().states().stream().map(MemberState::code).toList() + ")");
		}
	}

	/**
	 * The revision to publish for a request.
	 * @param request a request whose required fields are present
	 * @param caller the authenticated agency
	 * @return the revision, with quantities at the wire's scale, stamped with the time of
	 * this call
	 * @throws ForeignStateException if the request names another state
	 * @throws InvalidReportException if the request breaks a rule
	 * @throws ForbiddenReportException if the caller may not send it
	 * @throws StageLockedException if its stage, or the stage the report stands in, is
	 * submitted or accepted for this state
	 * @throws ReportWithdrawnException if the report was withdrawn at this revision or a
	 * higher one, unless it is that withdrawal sent again
	 * @throws org.jointops.producer.publish.KafkaUnavailableException if who sent the
	 * report first is not known yet
	 */
	public ReportRevision accept(ReportRequest request, AgencyPrincipal caller) {
		if (request.state() != null && !request.state().equals(this.state)) {
			throw new ForeignStateException(this.state, request.state());
		}
		// one version of the catalogue for the whole request, however it changes
		// meanwhile
		ReportRules rules = this.catalogue.rules();
		List<Finding> findings = request.findings().stream().map((line) -> toFinding(line, rules)).toList();
		ReportRevision revision = ReportRevision.newBuilder()
			.setReportId(request.reportId())
			.setRevision(request.revision())
			.setState(this.state)
			.setAgency(request.agency())
			.setOperation(request.operation())
			.setStage(request.stage())
			.setPeriodStart(request.periodStart())
			.setPeriodEnd(request.periodEnd())
			.setFindings(findings)
			.setWithdrawn(Boolean.TRUE.equals(request.withdrawn()))
			.setSubmittedAt(Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS))
			.build();
		List<Violation> violations = rules.checkSubmission(revision);
		if (!violations.isEmpty()) {
			throw new InvalidReportException(violations);
		}
		if (!caller.agency().equals(request.agency())) {
			throw new ForbiddenReportException("You are authenticated as " + caller + " and may send its reports only",
					new Violation("agency", "must be " + caller.agency() + ", the agency of your token, found "
							+ Untrusted.shortened(request.agency())));
		}
		String owner = this.owners.firstAgency(request.reportId()).orElse(caller.agency());
		if (!owner.equals(caller.agency())) {
			throw ForbiddenReportException.notOwner(request.reportId(), owner);
		}
		// the one place both single reports and batches (dry runs too) meet the locks:
		// where the revision would put the report's figures, and where they stand now
		this.locks.check(revision.getOperation(), revision.getStage(), this.state);
		ReportMark.Slot named = new ReportMark.Slot(revision.getOperation(), revision.getStage());
		this.marks.of(revision.getReportId())
			.flatMap(ReportMark::standsIn)
			.filter((standing) -> !standing.equals(named))
			.ifPresent((standing) -> this.locks.checkWhereItStands(revision.getReportId(), standing, this.state));
		checkNotWithdrawn(revision);
		// valid quantities have at most three decimals and twelve digits: this is exact
		// and cheap
		findings.forEach((finding) -> finding.setQuantity(Quantities.onTheWire(finding.getQuantity())));
		return revision;
	}

	/**
	 * What the answer to an accepted revision should add: that it brings a withdrawn
	 * report back.
	 * @param revision a revision {@link #accept accepted}
	 * @return the notice, or empty
	 */
	public Optional<String> notice(ReportRevision revision) {
		return this.marks.of(revision.getReportId())
			.filter(ReportMark::isWithdrawn)
			.filter((mark) -> !revision.getWithdrawn() && revision.getRevision() > mark.revision())
			.map((mark) -> "Report " + revision.getReportId() + " was withdrawn at revision " + mark.revision()
					+ "; this revision brings it back");
	}

	/**
	 * Notes a revision the broker has acknowledged: a withdrawal, a revision that brings
	 * a withdrawn report back, and where the report's figures stand, are marked for every
	 * instance.
	 * @param revision the revision
	 */
	public void published(ReportRevision revision) {
		this.marks.published(revision);
	}

	private void checkNotWithdrawn(ReportRevision revision) {
		this.marks.of(revision.getReportId()).filter(ReportMark::isWithdrawn).ifPresent((mark) -> {
			boolean sameWithdrawalAgain = revision.getWithdrawn() && revision.getRevision() == mark.revision();
			if (revision.getRevision() <= mark.revision() && !sameWithdrawalAgain) {
				throw new ReportWithdrawnException(revision.getReportId(), this.state, mark.revision(), mark.at(),
						revision.getRevision());
			}
		});
	}

	private static Finding toFinding(ReportRequest.FindingRequest line, ReportRules rules) {
		String unit = rules.catalogue().category(line.category()).map(Category::unit).map(Enum::name).orElse("");
		return Finding.newBuilder()
			.setCategory(line.category())
			.setQuantity(line.quantity())
			.setUnit(unit)
			.setCurrency(line.currency())
			.build();
	}

}
