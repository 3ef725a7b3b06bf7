package org.jointops.aggregator.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The refusals of an operation that reads an operation's totals or history: unknown
 * operation (404), history not kept (409), stores unavailable (503,
 * {@link StoresUnavailable}).
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "404", description = Refusals.UNKNOWN_OPERATION)
@ApiResponse(responseCode = "409", description = Refusals.NO_HISTORY)
@StoresUnavailable
public @interface OperationRefusals {

}
