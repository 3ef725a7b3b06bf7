package org.jointops.aggregator.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The refusal of an operation that reads the stores while they cannot answer (503, with
 * {@code Retry-After}).
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "503", description = Refusals.STORES_UNAVAILABLE,
		headers = @Header(name = "Retry-After", description = "Seconds to wait: 2", schema = @Schema(type = "integer")))
public @interface StoresUnavailable {

}
