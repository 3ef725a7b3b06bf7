package org.jointops.wire;

import java.math.BigDecimal;

import org.apache.avro.LogicalTypes;
import org.jointops.report.Finding;
import org.jointops.totals.TotalLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QuantitiesTests {

	@Test
	void scaleIsTheSchemasDecimalScale() {
		assertThat(decimalScale(Finding.getClassSchema().getField("quantity").schema())).isEqualTo(Quantities.SCALE);
		assertThat(decimalScale(TotalLine.getClassSchema().getField("total").schema())).isEqualTo(Quantities.SCALE);
	}

	@Test
	void neverRounds() {
		assertThat(Quantities.onTheWire(new BigDecimal("1520"))).isEqualTo(new BigDecimal("1520.000"));
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> Quantities.onTheWire(new BigDecimal("0.0005")));
	}

	private static int decimalScale(org.apache.avro.Schema schema) {
		return ((LogicalTypes.Decimal) schema.getLogicalType()).getScale();
	}

}
