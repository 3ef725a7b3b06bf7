package org.jointops.aggregator.ledger;

import java.util.Comparator;

import org.jointops.catalogue.Catalogue;

/**
 * A council-level line in catalogue order: category rank, category, currency (none
 * first).
 *
 * @param rank the category's rank in the catalogue
 * @param category the category
 * @param currency the currency of a money line, else null
 */
record LineOrder(int rank, String category, String currency) implements Comparable<LineOrder> {

	private static final Comparator<LineOrder> ORDER = Comparator.comparingInt(LineOrder::rank)
		.thenComparing(LineOrder::category)
		.thenComparing(LineOrder::currency, Comparator.nullsFirst(Comparator.naturalOrder()));

	static LineOrder of(Catalogue catalogue, String category, String currency) {
		return new LineOrder(catalogue.rankOf(category), category, currency);
	}

	@Override
	public int compareTo(LineOrder other) {
		return ORDER.compare(this, other);
	}

}
