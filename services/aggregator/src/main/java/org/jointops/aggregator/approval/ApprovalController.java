package org.jointops.aggregator.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.security.ReaderAccess;
import org.jointops.catalogue.Violation;
import org.jointops.register.TransitionAction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submission and approval of each member state's figures for each stage: a state submits
 * its own, the secretariat accepts, returns (with a comment) or reopens accepted figures
 * (with the recorded reason, a lock exception). Every change is a new version of the
 * operation's register; {@code If-Match: "<version>"} is optional.
 */
@RestController
@RequestMapping("/api/v1/operations/{operation}/submissions")
@Tag(name = ApprovalController.TAG)
class ApprovalController {

	static final String TAG = "submissions";

	private final Approvals approvals;

	ApprovalController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping
	@Operation(operationId = "listSubmissions", summary = "Where every state's figures for every stage stand",
			description = """
					Every stage × member state of the catalogue with its status (OPEN when nothing is \
					recorded), its last transition (who, when, why), FINAL or PRELIMINARY per case, per stage \
					and for the operation (FINAL when every case is ACCEPTED). A state reader sees its own \
					state's rows; an observer none (403).""")
	@ApiResponse(responseCode = "200", description = "The cases, by stage; the register's version as `ETag`")
	@ApiResponse(responseCode = "403", description = "An observer, or a monitoring token")
	@ApiResponse(responseCode = "404", description = "An operation the catalogue does not have")
	ResponseEntity<SubmissionsView> list(@PathVariable String operation) {
		SubmissionsView view = this.approvals.list(operation, ReaderAccess.submissionsState());
		return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
	}

	@GetMapping("/{stage}/{state}")
	@Operation(operationId = "getSubmission", summary = "One state's figures for one stage, with every transition",
			description = "Its status, whether it is FINAL and locked, what can be done now, and every status "
					+ "change (who, when, why), oldest first. A state reader: its own state only.")
	@ApiResponse(responseCode = "200", description = "The case and its history, oldest first")
	@ApiResponse(responseCode = "403", description = "An observer, or a state reader asking for another state")
	@ApiResponse(responseCode = "404", description = "An unknown operation, stage or member state "
			+ "(`urn:jointops:problem:unknown-submission`, `errors` names `stage` or `state`)")
	ResponseEntity<SubmissionHistoryView> history(@PathVariable String operation, @PathVariable int stage,
			@PathVariable String state) {
		ReaderAccess.checkSubmissionHistory(state);
		return answer(this.approvals.history(operation, stage, state));
	}

	@PostMapping("/{stage}/{state}:submit")
	@Operation(operationId = "submitFigures", summary = "The state declares its figures for the stage complete",
			description = """
					Role STATE, for its own state only (403 otherwise). From OPEN, RETURNED or REOPENED to \
					SUBMITTED: the producers then refuse new revisions and withdrawals for the stage and state \
					(409 `urn:jointops:problem:stage-locked`) until the secretariat returns the figures. \
					`comment` optional.""")
	@TransitionResponses
	ResponseEntity<SubmissionHistoryView> submit(@PathVariable String operation, @PathVariable int stage,
			@PathVariable String state, @RequestBody(required = false) TransitionRequest body,
			@Parameter(description = "Optional: the register version the change is made against, as `ETag` "
					+ "gives it") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReaderAccess.checkSubmitter(state);
		return act(operation, stage, state, TransitionAction.SUBMIT, body, ifMatch);
	}

	@PostMapping("/{stage}/{state}:accept")
	@Operation(operationId = "acceptFigures", summary = "The secretariat accepts submitted figures: FINAL, locked",
			description = "Role SECRETARIAT. From SUBMITTED to ACCEPTED. `comment` optional.")
	@TransitionResponses
	ResponseEntity<SubmissionHistoryView> accept(@PathVariable String operation, @PathVariable int stage,
			@PathVariable String state, @RequestBody(required = false) TransitionRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReaderAccess.checkSecretariat("accept a state's figures");
		return act(operation, stage, state, TransitionAction.ACCEPT, body, ifMatch);
	}

	@PostMapping("/{stage}/{state}:return")
	@Operation(operationId = "returnFigures", summary = "The secretariat returns submitted figures: open again",
			description = "Role SECRETARIAT. From SUBMITTED to RETURNED; `comment` required (400 without).")
	@TransitionResponses
	ResponseEntity<SubmissionHistoryView> returnFigures(@PathVariable String operation, @PathVariable int stage,
			@PathVariable String state, @RequestBody(required = false) TransitionRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReaderAccess.checkSecretariat("return a state's figures");
		return act(operation, stage, state, TransitionAction.RETURN, body, ifMatch);
	}

	@PostMapping("/{stage}/{state}:reopen")
	@Operation(operationId = "reopenFigures", summary = "The secretariat reopens accepted figures (a lock exception)",
			description = "Role SECRETARIAT. From ACCEPTED to REOPENED; `comment` required: the recorded reason.")
	@TransitionResponses
	ResponseEntity<SubmissionHistoryView> reopen(@PathVariable String operation, @PathVariable int stage,
			@PathVariable String state, @RequestBody(required = false) TransitionRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReaderAccess.checkSecretariat("reopen a state's figures");
		return act(operation, stage, state, TransitionAction.REOPEN, body, ifMatch);
	}

	private ResponseEntity<SubmissionHistoryView> act(String operation, int stage, String state,
			TransitionAction action, TransitionRequest body, String ifMatch) {
		String comment = (body != null) ? body.comment() : null;
		return answer(this.approvals.act(operation, stage, state, action, comment, ReaderAccess.readerName(),
				version(ifMatch)));
	}

	private static ResponseEntity<SubmissionHistoryView> answer(SubmissionHistoryView view) {
		return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
	}

	/**
	 * Reads {@code If-Match}.
	 * @param header the header, or null
	 * @return the register version it names, or null for none or {@code *}
	 */
	static Long version(String header) {
		if (header == null || header.isBlank() || header.trim().equals("*")) {
			return null;
		}
		String tag = header.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Long.parseLong(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidSubmissionRequestException(HttpStatus.BAD_REQUEST, "If-Match is not a register version",
					new Violation(HttpHeaders.IF_MATCH, "must be a register version as the ETag gives it, e.g. \"4\""));
		}
	}

}
