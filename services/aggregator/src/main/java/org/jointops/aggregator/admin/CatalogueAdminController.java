package org.jointops.aggregator.admin;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jointops.aggregator.admin.CatalogueEdits.CategoryRequest;
import org.jointops.aggregator.admin.CatalogueEdits.OperationRequest;
import org.jointops.aggregator.openapi.Refusals;
import org.jointops.aggregator.security.ReaderPrincipal;
import org.jointops.support.catalogue.CatalogueSnapshot;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat's changes to the catalogue (role SECRETARIAT only, see
 * {@code SecurityConfiguration}). Each answers with the catalogue version that applies
 * afterwards, also as {@code ETag}; {@code If-Match: "<version>"} is optional and, when
 * given, makes the change only if the catalogue is still at that version (412 otherwise).
 */
@RestController
@Tag(name = CatalogueAdminController.TAG)
class CatalogueAdminController {

	/** The tag of the admin API in the API description. */
	static final String TAG = "catalogue administration";

	static final String BASE = "/api/v1/admin/catalogue";

	/** What every change does, for the API description. */
	private static final String CHANGE = "The change is checked whole, against the evolution rules, written to "
			+ "`catalogue.changes` and answered once this aggregator applies it; producers and other aggregator "
			+ "instances apply it within about half a second. A change that changes nothing writes nothing and "
			+ "answers the current version. Secretariat only.";

	/** A refused change, for the API description. */
	private static final String INVALID = "The change is refused, nothing was written "
			+ "(`urn:jointops:problem:invalid-catalogue-change`): `errors` names each field of the body (e.g. `unit`, "
			+ "`stages[0]`), `catalogue` for a problem of the whole catalogue, or a catalogue path such as "
			+ "`categories.FINES_IMPOSED.unit` for an evolution rule; or the body is not JSON";

	private final CatalogueChanges changes;

	CatalogueAdminController(CatalogueChanges changes) {
		this.changes = changes;
	}

	@PutMapping(BASE + "/operations/{code}")
	@Operation(operationId = "putOperation", summary = "Create or replace an operation",
			description = "The whole operation: programme, name, stages (start, end, reportBy), reportingDays. "
					+ CHANGE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "a new operation",
							value = """
									{"programme": "ILLEGAL", "name": "Illegal 2018", "reportingDays": 10,
									 "stages": [{"stage": 1, "start": "2018-05-21", "end": "2018-06-01"},
									            {"stage": 2, "start": "2018-09-24", "end": "2018-10-05", "reportBy": "2018-10-10"}]}"""))))
	@ChangeRefusals
	@ApiResponse(responseCode = "400", description = INVALID)
	@ApiResponse(responseCode = "415", description = Refusals.NOT_JSON)
	ResponseEntity<ChangeAnswer> putOperation(@PathVariable String code, @RequestBody OperationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.putOperation(catalogue, code, request), reader.name());
		return answer(applied, applied.catalogue().operation(code).orElse(null));
	}

	@PostMapping(BASE + "/operations/{code}:retire")
	@Operation(operationId = "retireOperation",
			summary = "Retire an operation: no new reports, what was reported stays counted",
			description = "Producers then refuse new revisions for it, except withdrawals; the aggregator keeps "
					+ "counting and listing what was reported. " + CHANGE)
	@ChangeRefusals
	@ApiResponse(responseCode = "404", description = "The catalogue has no such operation")
	ResponseEntity<ChangeAnswer> retireOperation(@PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.retireOperation(catalogue, code), reader.name());
		return answer(applied, applied.catalogue().operation(code).orElse(null));
	}

	@PutMapping(BASE + "/programmes/{programme}/categories/{code}")
	@Operation(operationId = "putCategory",
			summary = "Create a category or rename it: name, unit, parent (unit and parent never change)",
			description = "Category codes are unique across programmes. " + CHANGE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "a new category", value = """
							{"name": "forged passports seized", "unit": "COUNT"}"""))))
	@ChangeRefusals
	@ApiResponse(responseCode = "400", description = INVALID)
	@ApiResponse(responseCode = "404", description = "The catalogue has no such programme")
	@ApiResponse(responseCode = "415", description = Refusals.NOT_JSON)
	ResponseEntity<ChangeAnswer> putCategory(@PathVariable String programme, @PathVariable String code,
			@RequestBody CategoryRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.putCategory(catalogue, programme, code, request), reader.name());
		return answer(applied, applied.catalogue().category(code).orElse(null));
	}

	@PostMapping(BASE + "/programmes/{programme}/categories/{code}:retire")
	@Operation(operationId = "retireCategory",
			summary = "Retire a category: refused in new reports, still counted and listed",
			description = "Producers then refuse new revisions with a line in it, except withdrawals; the "
					+ "aggregator keeps counting it (totals, summaries, traceability and filters still name it). "
					+ CHANGE)
	@ChangeRefusals
	@ApiResponse(responseCode = "404", description = "The catalogue has no such programme, or no such category in it")
	ResponseEntity<ChangeAnswer> retireCategory(@PathVariable String programme, @PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(hidden = true) @AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.retireCategory(catalogue, programme, code), reader.name());
		return answer(applied, applied.catalogue().category(code).orElse(null));
	}

	private static ResponseEntity<ChangeAnswer> answer(CatalogueSnapshot applied, Object entry) {
		return ResponseEntity.status(HttpStatus.OK)
			.eTag("\"" + applied.version() + "\"")
			.body(new ChangeAnswer(applied.version(), applied.changedAt(), applied.changedBy(), entry));
	}

	/**
	 * The answer to a change.
	 *
	 * @param version the catalogue version that applies now (the same as before if the
	 * change changed nothing)
	 * @param changedAt when that version was made
	 * @param changedBy who made it
	 * @param entry the operation or category as it now is
	 */
	@Schema(name = "CatalogueChange", description = "The catalogue version that applies after the change, and the "
			+ "operation or category as it now is.")
	record ChangeAnswer(
			@Schema(description = "The version that applies now (the same as before if the change "
					+ "changed nothing); also the `ETag`", example = "5") long version,
			Instant changedAt,
			@Schema(description = "The reader who made that version", example = "secretariat") String changedBy,
			@Schema(description = "The operation or category as it now is") Object entry) {
	}

	/**
	 * Reads {@code If-Match}.
	 */
	static final class IfMatch {

		private IfMatch() {
		}

		/**
		 * The catalogue version an {@code If-Match} header asks for.
		 * @param header the header, e.g. {@code "4"}, or null
		 * @return the version, or null for any ({@code *} or no header)
		 * @throws ChangeRefusedException (412) if it names no version
		 */
		static Long version(String header) {
			if (header == null || header.isBlank() || header.trim().equals("*")) {
				return null;
			}
			String tag = header.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			tag = tag.replace("\"", "");
			try {
				return Long.parseLong(tag);
			}
			catch (NumberFormatException ex) {
				throw new ChangeRefusedException(HttpStatus.PRECONDITION_FAILED, CatalogueChanges.VERSION_MISMATCH,
						"If-Match must be a catalogue version as the ETag gives it, e.g. \"4\"", -1);
			}
		}

	}

}
