package org.jointops.aggregator.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.aggregator.openapi.Refusals;

/**
 * What every change to the catalogue answers, for the API description: the version after
 * the change (200, also as {@code ETag}), or 403, 409, 412, 503.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "200", description = "Applied (or nothing to change): the version that applies now",
		headers = @Header(name = "ETag", description = "The version, quoted", schema = @Schema(type = "string")))
@ApiResponse(responseCode = "403", description = Refusals.NOT_SECRETARIAT)
@ApiResponse(responseCode = "409", description = Refusals.CHANGE_CONFLICT)
@ApiResponse(responseCode = "412", description = Refusals.VERSION_MISMATCH)
@ApiResponse(responseCode = "503", description = Refusals.CATALOGUE_UNAVAILABLE,
		headers = @Header(name = "Retry-After", description = "Seconds to wait: 2", schema = @Schema(type = "integer")))
@interface ChangeRefusals {

}
