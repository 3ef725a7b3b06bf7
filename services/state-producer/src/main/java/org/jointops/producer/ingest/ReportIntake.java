package org.jointops.producer.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jointops.catalogue.Category;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.ReportRules;
import org.jointops.catalogue.Violation;
import org.jointops.producer.ProducerProperties;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.wire.Quantities;

import org.springframework.stereotype.Component;

/**
 * Turns a posted report into a revision of this service's state: stamps the state, the
 * submission time and each line's unit, and checks it against the catalogue.
 */
@Component
public class ReportIntake {

	private final ReportRules rules;

	private final String state;

	private final Clock clock;

	ReportIntake(ReportRules rules, ProducerProperties properties, Clock clock) {
		this.rules = rules;
		this.state = properties.state();
		this.clock = clock;
		if (rules.catalogue().state(this.state).isEmpty()) {
			throw new IllegalStateException("jointops.state=" + this.state + " is not a member state of the catalogue ("
					+ rules.catalogue().states().stream().map(MemberState::code).toList() + ")");
		}
	}

	/**
	 * The revision to publish for a request.
	 * @param request a request whose required fields are present
	 * @return the revision, with quantities at the wire's scale, stamped with the time of
	 * this call
	 * @throws ForeignStateException if the request names another state
	 * @throws InvalidReportException if the request breaks a rule
	 */
	public ReportRevision accept(ReportRequest request) {
		if (request.state() != null && !request.state().equals(this.state)) {
			throw new ForeignStateException(this.state, request.state());
		}
		List<Finding> findings = request.findings().stream().map(this::toFinding).toList();
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
		List<Violation> violations = this.rules.check(revision);
		if (!violations.isEmpty()) {
			throw new InvalidReportException(violations);
		}
		// valid quantities have at most three decimals and twelve digits: this is exact
		// and cheap
		findings.forEach((finding) -> finding.setQuantity(Quantities.onTheWire(finding.getQuantity())));
		return revision;
	}

	private Finding toFinding(ReportRequest.FindingRequest line) {
		String unit = this.rules.catalogue().category(line.category()).map(Category::unit).map(Enum::name).orElse("");
		return Finding.newBuilder()
			.setCategory(line.category())
			.setQuantity(line.quantity())
			.setUnit(unit)
			.setCurrency(line.currency())
			.build();
	}

}
