package org.jointops.aggregator.approval;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a status change.
 *
 * @param comment why: required to return or reopen (the recorded reason), optional to
 * submit or accept
 */
@Schema(name = "SubmissionAction", description = "Why the status changes.")
record TransitionRequest(@Schema(
		description = "Why: required for `:return` and `:reopen` (the recorded reason), "
				+ "optional for `:submit` and `:accept`",
		maxLength = TransitionRequest.MAX_COMMENT,
		example = "Fines of KAZ for stage 2 are missing the regional reports") String comment) {

	/** The longest comment kept. */
	static final int MAX_COMMENT = 2000;

}
