package org.jointops.aggregator.completeness;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.aggregator.openapi.OperationRefusals;
import org.jointops.aggregator.query.OperationQueries;
import org.jointops.aggregator.query.UnknownOperationException;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.support.register.CurrentRegister;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Completeness of an operation's reporting, per stage and member state.
 */
@RestController
@RequestMapping("/api/v1/operations")
public class CompletenessController {

	private final OperationQueries queries;

	private final Clock clock;

	private final CurrentRegister register;

	CompletenessController(OperationQueries queries, Clock clock, CurrentRegister register) {
		this.queries = queries;
		this.clock = clock;
		this.register = register;
	}

	@GetMapping("/{operation}/completeness")
	@Operation(operationId = "getCompleteness", tags = "traceability",
			summary = "Who has reported on each stage, when, and who is overdue",
			description = "Every member state of the catalogue on every stage of the operation: REPORTED, LATE "
					+ "(first report after the deadline), OVERDUE (none by the deadline) or AWAITED; the agencies "
					+ "that reported and when. Deadlines come from the catalogue (reportingDays, reportBy). "
					+ "A submission here is one that changed the figures (withdrawals included); `submission` is "
					+ "the state's submission status of its figures for the stage (OPEN ... ACCEPTED). "
					+ "Secretariat: every state; a state reader: its own state's rows only; observer: 403.")
	@ApiResponse(responseCode = "200", description = "Every stage, every member state")
	@ApiResponse(responseCode = "403",
			description = "An observer (the answer names agencies), or a token that reads no completeness "
					+ "(a monitoring token)")
	@OperationRefusals
	CompletenessView completeness(@PathVariable String operation) {
		java.util.Optional<String> only = ReaderAccess.completenessState();
		org.jointops.catalogue.Operation known = this.queries.catalogued(operation)
			.orElseThrow(() -> new UnknownOperationException(operation));
		CompletenessView view = Completeness.of(known, this.queries.catalogue(), this.queries.activity(operation),
				this.queries.ledger(operation, null), this.clock.instant(), this.register.of(operation));
		return only.map(view::onlyState).orElse(view);
	}

}
