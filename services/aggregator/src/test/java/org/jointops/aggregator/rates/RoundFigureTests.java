package org.jointops.aggregator.rates;

import java.math.BigDecimal;

import org.jointops.aggregator.rates.RoundFigure.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "more than" figure: the largest number of at most two significant figures strictly
 * below the exact total, and no figure below 1,000.
 */
class RoundFigureTests {

	@Test
	void keepsTwoSignificantFiguresRoundedDown() {
		assertThat(below("8734120.55")).isEqualTo(new RoundFigure(new BigDecimal("8700000"), Scale.MILLION));
		assertThat(below("8041000.00")).isEqualTo(new RoundFigure(new BigDecimal("8000000"), Scale.MILLION));
		assertThat(below("8999999.99")).isEqualTo(new RoundFigure(new BigDecimal("8900000"), Scale.MILLION));
		assertThat(below("1936295.79")).isEqualTo(new RoundFigure(new BigDecimal("1900000"), Scale.MILLION));
		assertThat(below("125000.50")).isEqualTo(new RoundFigure(new BigDecimal("120000"), Scale.UNITS));
		assertThat(below("12345678901.00")).isEqualTo(new RoundFigure(new BigDecimal("12000000000"), Scale.BILLION));
	}

	@Test
	void staysStrictlyBelowATotalThatIsItselfRound() {
		assertThat(below("8000000.00")).isEqualTo(new RoundFigure(new BigDecimal("7900000"), Scale.MILLION));
		assertThat(below("8700000.00")).isEqualTo(new RoundFigure(new BigDecimal("8600000"), Scale.MILLION));
		assertThat(below("8700000.01")).isEqualTo(new RoundFigure(new BigDecimal("8700000"), Scale.MILLION));
		assertThat(below("1000000.00")).isEqualTo(new RoundFigure(new BigDecimal("990000"), Scale.UNITS));
		assertThat(below("1000000000.00")).isEqualTo(new RoundFigure(new BigDecimal("990000000"), Scale.MILLION));
	}

	@Test
	void handlesTheEdgesAroundAThousandAndAMillion() {
		assertThat(below("999999.99")).isEqualTo(new RoundFigure(new BigDecimal("990000"), Scale.UNITS));
		assertThat(below("1000.00")).isEqualTo(new RoundFigure(new BigDecimal("990"), Scale.UNITS));
		assertThat(below("1000.01")).isEqualTo(new RoundFigure(new BigDecimal("1000"), Scale.UNITS));
		assertThat(RoundFigure.below(new BigDecimal("999.99"))).isEmpty();
		assertThat(RoundFigure.below(new BigDecimal("0.00"))).isEmpty();
	}

	@Test
	void countsInTheUnitOfItsWord() {
		assertThat(below("8734120.55").count()).isEqualTo(new BigDecimal("8.7"));
		assertThat(below("8041000.00").count()).isEqualTo(new BigDecimal("8"));
		assertThat(below("1000000000.00").count()).isEqualTo(new BigDecimal("990"));
		assertThat(below("999999.99").count()).isEqualTo(new BigDecimal("990000"));
	}

	private static RoundFigure below(String total) {
		RoundFigure figure = RoundFigure.below(new BigDecimal(total)).orElseThrow();
		assertThat(figure.value()).as("strictly below " + total).isLessThan(new BigDecimal(total));
		return figure;
	}

}
