package org.jointops.aggregator.approval;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The answers of a status change.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "200",
		description = "Recorded: the case and its history, the register's new version as `ETag`")
@ApiResponse(responseCode = "400",
		description = "A comment missing where required or too long, or a malformed `If-Match` "
				+ "(`errors` names `comment` or `If-Match`). Nothing was recorded.")
@ApiResponse(responseCode = "403", description = "The reader may not take this action on this state's figures")
@ApiResponse(responseCode = "404",
		description = "An unknown operation, stage or member state "
				+ "(`urn:jointops:problem:unknown-submission`, `errors` names `stage` or `state`)")
@ApiResponse(responseCode = "409", description = "Impossible from the current status "
		+ "(`urn:jointops:problem:invalid-transition` with `status` and `possible`), or another change took "
		+ "the register's version first (`urn:jointops:problem:register-change-conflict`). Nothing was recorded.")
@ApiResponse(responseCode = "412", description = "`If-Match` names another version than the current one")
@ApiResponse(responseCode = "503", description = "The register cannot be read or written now; retry later")
@interface TransitionResponses {

}
