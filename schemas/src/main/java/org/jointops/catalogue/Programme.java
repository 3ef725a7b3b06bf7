package org.jointops.catalogue;

import java.util.List;

/**
 * A permanent regional operation run by a coordination council, e.g. "Illegal" or
 * "Kanal": it defines the finding categories its yearly operations report.
 *
 * @param code e.g. {@code ILLEGAL}
 * @param name e.g. {@code Illegal (Nelegal)}
 * @param council the coordination council that runs it
 * @param categories its finding categories, in the order councils list them
 */
public record Programme(String code, String name, String council, List<Category> categories) {

	public Programme {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
	}

}
