package org.jointops.aggregator.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.jointops.catalogue.Agency;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Programme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue the aggregator counts against: names of states, agencies, categories and
 * operations, for clients such as the dashboard.
 */
@RestController
class CatalogueController {

	private final Catalogue catalogue;

	CatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/v1/catalogue")
	@Operation(summary = "The catalogue: member states, agencies, programmes with their categories, operations")
	CatalogueView catalogue() {
		return new CatalogueView(this.catalogue.states(), this.catalogue.agencies(), this.catalogue.programmes(),
				this.catalogue.operations());
	}

	/**
	 * The catalogue as JSON.
	 *
	 * @param states member states
	 * @param agencies agencies
	 * @param programmes programmes and their categories, in council order
	 * @param operations operations and their stages
	 */
	record CatalogueView(List<MemberState> states, List<Agency> agencies, List<Programme> programmes,
			List<org.jointops.catalogue.Operation> operations) {
	}

}
