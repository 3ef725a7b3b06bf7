package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A report revision as an agency posts it. Unknown fields are refused, so a misspelt
 * field never goes unnoticed.
 *
 * @param reportId chosen by the agency; with the revision, the idempotency key
 * @param revision 1 for the first submission, higher for each correction
 * @param state optional; if given, it must be this service's state
 * @param agency catalogue code of the reporting agency
 * @param operation catalogue code of the operation
 * @param stage stage number
 * @param periodStart first day of the reporting period
 * @param periodEnd last day of the reporting period
 * @param withdrawn true to withdraw the report (optional, false by default)
 * @param findings one line per category (and, for money, per currency); may be empty
 */
public record ReportRequest(@NotBlank(message = REQUIRED) String reportId,
		@NotNull(message = REQUIRED) Integer revision, String state, @NotBlank(message = REQUIRED) String agency,
		@NotBlank(message = REQUIRED) String operation, @NotNull(message = REQUIRED) Integer stage,
		@NotNull(message = REQUIRED) LocalDate periodStart, @NotNull(message = REQUIRED) LocalDate periodEnd,
		Boolean withdrawn,
		@NotNull(message = REQUIRED) List<@NotNull(message = REQUIRED) @Valid FindingRequest> findings) {

	static final String REQUIRED = "is required";

	/**
	 * One finding line.
	 *
	 * @param category catalogue code of the category
	 * @param quantity exact quantity in the category's unit
	 * @param currency ISO 4217 code, for money only
	 */
	public record FindingRequest(@NotBlank(message = REQUIRED) String category,
			@NotNull(message = REQUIRED) BigDecimal quantity, String currency) {
	}

}
