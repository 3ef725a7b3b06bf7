package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jointops.catalogue.Agency;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Programme;
import org.jointops.support.catalogue.CatalogueSnapshot;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue the aggregator counts against: names of states, agencies, categories and
 * operations (retired ones included, marked), for clients such as the dashboard, with its
 * version (also the {@code ETag}, as the admin API's {@code If-Match} takes it).
 */
@RestController
class CatalogueController {

	private final CurrentCatalogue catalogue;

	CatalogueController(CurrentCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/v1/catalogue")
	@Operation(operationId = "getCatalogue", tags = "catalogue",
			summary = "The catalogue: its version, member states, agencies, programmes with their categories, "
					+ "operations",
			description = "The catalogue the aggregator counts against (and the producers validate against): "
					+ "names of states, agencies, categories with their units, operations with their stages and "
					+ "deadlines, retired ones marked `retired: true`. Version 0 is the start-up content; each "
					+ "change through the admin API makes the next. The version is also the `ETag`.")
	@ApiResponse(responseCode = "200", description = "The catalogue",
			headers = @Header(name = "ETag", description = "The version, quoted, as `If-Match` takes it",
					schema = @Schema(type = "string", example = "\"4\"")))
	ResponseEntity<CatalogueView> catalogue() {
		CatalogueSnapshot snapshot = this.catalogue.snapshot();
		Catalogue current = snapshot.catalogue();
		return ResponseEntity.ok()
			.eTag("\"" + snapshot.version() + "\"")
			.body(new CatalogueView(snapshot.version(), snapshot.changedAt(), snapshot.changedBy(), current.states(),
					current.agencies(), current.programmes(), current.operations()));
	}

	/**
	 * The catalogue as JSON.
	 *
	 * @param version its version: 0 is the start-up content (bundled file and extra
	 * files), then each change made through the admin API
	 * @param changedAt when it last changed, null at version 0
	 * @param changedBy who changed it last, null at version 0
	 * @param states member states
	 * @param agencies agencies
	 * @param programmes programmes and their categories, in council order
	 * @param operations operations and their stages
	 */
	@Schema(name = "Catalogue", description = "The catalogue, with its version.")
	record CatalogueView(
			@Schema(description = "0 is the start-up content, then one more with each change",
					example = "4") long version,
			@Schema(description = "When it last changed; null at version 0", nullable = true) Instant changedAt,
			@Schema(description = "Which reader changed it last; null at version 0", nullable = true,
					example = "secretariat") String changedBy,
			List<MemberState> states, List<Agency> agencies,
			@Schema(description = "Programmes and their categories, in council order") List<Programme> programmes,
			List<org.jointops.catalogue.Operation> operations) {
	}

}
