package org.jointops.aggregator.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The refusals of a query with filters: those of {@link OperationRefusals}, and a filter
 * the catalogue does not know (400).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@OperationRefusals
@ApiResponse(responseCode = "400", description = Refusals.INVALID_FILTER)
public @interface FilteredQueryRefusals {

}
