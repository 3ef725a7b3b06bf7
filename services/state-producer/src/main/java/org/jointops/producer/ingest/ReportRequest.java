package org.jointops.producer.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.ReportRules;

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
@Schema(name = "Report", additionalProperties = AdditionalPropertiesValue.FALSE,
		description = "One revision of a report, read strictly: an unknown or misspelt field, a field given twice, "
				+ "a number in quotes, a fraction or an out-of-range number where an integer is expected, or a "
				+ "date-time or an impossible date where a date is expected is refused (400) with the field named, "
				+ "never adjusted. A correction is the whole report again with the next revision; a withdrawal is "
				+ "the next revision with `withdrawn: true`.")
public record ReportRequest(
		@Schema(description = "Chosen by the agency, unique within the state; with `revision`, the idempotency key. "
				+ "1 to 100 letters, digits, `.`, `_`, `:` or `-`, starting with a letter or digit.",
				pattern = ReportRules.REPORT_ID_PATTERN, maxLength = ReportRules.MAX_REPORT_ID_LENGTH,
				example = "KAZ-INTERIOR-2017-0001") @NotBlank(message = REQUIRED) String reportId,
		@Schema(description = "1 for the first submission, higher for each correction or withdrawal. The highest "
				+ "revision a report has reached counts.", minimum = "1",
				example = "1") @NotNull(message = REQUIRED) Integer revision,
		@Schema(description = "Optional: this producer's own state. Another state is 403 (field `state`).") String state,
		@Schema(description = "The agency whose token is sent (another one is 403, field `agency`): an agency "
				+ "of the catalogue.", example = "INTERIOR") @NotBlank(message = REQUIRED) String agency,
		@Schema(description = "An operation of the catalogue (the aggregator's `GET /api/v1/catalogue` lists "
				+ "them; it may gain operations while the service runs). A retired operation takes withdrawals only.",
				example = "ILLEGAL-2017") @NotBlank(message = REQUIRED) String operation,
		@Schema(description = "A stage of the operation, numbered from 1.", minimum = "1",
				example = "1") @NotNull(message = REQUIRED) Integer stage,
		@Schema(description = "First day of the period reported on, inside the stage's window.",
				example = "2017-05-22") @NotNull(message = REQUIRED) LocalDate periodStart,
		@Schema(description = "Last day of the period reported on, inside the stage's window and not before "
				+ "`periodStart`.", example = "2017-06-02") @NotNull(message = REQUIRED) LocalDate periodEnd,
		@Schema(description = "`true` withdraws the report: its figures leave the totals (`findings` may then be "
				+ "empty). A higher revision brings it back (its answer says so in `notice`); one not higher is refused "
				+ "(409 `report-withdrawn`).", defaultValue = "false") Boolean withdrawn,
		@ArraySchema(arraySchema = @Schema(description = "One line per category (and, for money, per currency); "
				+ "may be empty. An *of which* line needs its parent line in the same report and may not "
				+ "exceed it."), maxItems = ReportRules.MAX_FINDINGS) @NotNull(
						message = REQUIRED) List<@NotNull(message = REQUIRED) @Valid FindingRequest> findings) {

	static final String REQUIRED = "is required";

	/**
	 * One finding line.
	 *
	 * @param category catalogue code of the category
	 * @param quantity exact quantity in the category's unit
	 * @param currency ISO 4217 code, for money only
	 */
	@Schema(name = "Finding", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "One finding line: a category and its quantity (for money, in one currency).")
	public record FindingRequest(
			@Schema(description = "A category of the operation's programme (the aggregator's "
					+ "`GET /api/v1/catalogue` lists them with their units). A retired category is refused unless "
					+ "the report is withdrawn.", pattern = Catalogue.CODE_PATTERN,
					example = "IMMIGRATION_LAW_VIOLATIONS") @NotBlank(message = REQUIRED) String category,
			@Schema(description = "Exact, in the category's unit, as a JSON number: counts whole, kilograms with "
					+ "at most 3 decimals, money with at most 2.", minimum = "0", maximum = "999999999999",
					example = "1520") @NotNull(message = REQUIRED) BigDecimal quantity,
			@Schema(description = "ISO 4217 code, for money only (and then required).", pattern = "^[A-Z]{3}$",
					example = "USD") String currency) {
	}

}
