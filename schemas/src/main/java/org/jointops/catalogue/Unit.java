package org.jointops.catalogue;

/**
 * The unit a finding category is counted in, with the decimals its quantities may have.
 */
public enum Unit {

	/** Persons, cases, violations, laboratories, routes: whole numbers. */
	COUNT(0),

	/** Mass of drugs or precursors seized, to the gram. */
	KILOGRAM(3),

	/** An amount of money in a named ISO 4217 currency, to the cent. */
	MONEY(2);

	private final int scale;

	Unit(int scale) {
		this.scale = scale;
	}

	/**
	 * Most decimals a quantity in this unit may have.
	 * @return 0 for counts, 2 for money, 3 for kilograms
	 */
	public int scale() {
		return this.scale;
	}

}
