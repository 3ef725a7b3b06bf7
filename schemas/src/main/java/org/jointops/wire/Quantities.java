package org.jointops.wire;

import java.math.BigDecimal;

/**
 * Quantities as the wire schemas carry them: Avro decimals of scale {@value #SCALE}
 * ({@code Finding.quantity}, and every sum derived from it).
 */
public final class Quantities {

	/** Decimals of every quantity on the wire (grams for kilograms). */
	public static final int SCALE = 3;

	private Quantities() {
	}

	/**
	 * A quantity at the wire's scale.
	 * @param quantity a quantity with at most {@value #SCALE} decimals
	 * @return the same value with exactly {@value #SCALE} decimals
	 * @throws ArithmeticException if it has more decimals (it would have to be rounded)
	 */
	public static BigDecimal onTheWire(BigDecimal quantity) {
		return quantity.setScale(SCALE);
	}

}
