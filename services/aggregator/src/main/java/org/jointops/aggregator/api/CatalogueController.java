package org.jointops.aggregator.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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
	@Operation(summary = "The catalogue: its version, member states, agencies, programmes with their categories, "
			+ "operations")
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
	record CatalogueView(long version, Instant changedAt, String changedBy, List<MemberState> states,
			List<Agency> agencies, List<Programme> programmes, List<org.jointops.catalogue.Operation> operations) {
	}

}
