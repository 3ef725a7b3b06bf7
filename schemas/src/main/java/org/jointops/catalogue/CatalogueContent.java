package org.jointops.catalogue;

import java.util.List;

/**
 * What one catalogue file holds; every list may be absent. The bundled file and any extra
 * files given at start-up are merged into one {@link Catalogue}.
 *
 * @param states member states
 * @param agencies kinds of reporting authority
 * @param programmes programmes with their categories
 * @param operations operations with their stages
 */
public record CatalogueContent(List<MemberState> states, List<Agency> agencies, List<Programme> programmes,
		List<Operation> operations) {

	public CatalogueContent {
		states = (states != null) ? List.copyOf(states) : List.of();
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		programmes = (programmes != null) ? List.copyOf(programmes) : List.of();
		operations = (operations != null) ? List.copyOf(operations) : List.of();
	}

}
