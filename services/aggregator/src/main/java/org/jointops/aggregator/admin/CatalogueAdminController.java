package org.jointops.aggregator.admin;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jointops.aggregator.admin.CatalogueEdits.CategoryRequest;
import org.jointops.aggregator.admin.CatalogueEdits.OperationRequest;
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
class CatalogueAdminController {

	static final String BASE = "/api/v1/admin/catalogue";

	private final CatalogueChanges changes;

	CatalogueAdminController(CatalogueChanges changes) {
		this.changes = changes;
	}

	@PutMapping(BASE + "/operations/{code}")
	@Operation(summary = "Create or replace an operation: programme, name, stages (start, end, reportBy), "
			+ "reportingDays")
	ResponseEntity<ChangeAnswer> putOperation(@PathVariable String code, @RequestBody OperationRequest request,
			@Parameter(description = "\"<version>\": change only that version") @RequestHeader(
					name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.putOperation(catalogue, code, request), reader.name());
		return answer(applied, applied.catalogue().operation(code).orElse(null));
	}

	@PostMapping(BASE + "/operations/{code}:retire")
	@Operation(summary = "Retire an operation: no new reports, what was reported stays counted")
	ResponseEntity<ChangeAnswer> retireOperation(@PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.retireOperation(catalogue, code), reader.name());
		return answer(applied, applied.catalogue().operation(code).orElse(null));
	}

	@PutMapping(BASE + "/programmes/{programme}/categories/{code}")
	@Operation(summary = "Create a category or rename it: name, unit, parent (unit and parent never change)")
	ResponseEntity<ChangeAnswer> putCategory(@PathVariable String programme, @PathVariable String code,
			@RequestBody CategoryRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal ReaderPrincipal reader) {
		CatalogueSnapshot applied = this.changes.change(IfMatch.version(ifMatch),
				(catalogue) -> CatalogueEdits.putCategory(catalogue, programme, code, request), reader.name());
		return answer(applied, applied.catalogue().category(code).orElse(null));
	}

	@PostMapping(BASE + "/programmes/{programme}/categories/{code}:retire")
	@Operation(summary = "Retire a category: refused in new reports, still counted and listed")
	ResponseEntity<ChangeAnswer> retireCategory(@PathVariable String programme, @PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal ReaderPrincipal reader) {
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
	record ChangeAnswer(long version, Instant changedAt, String changedBy, Object entry) {
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
