package org.jointops.aggregator.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jointops.aggregator.rates.UsdConversion.CategoryUsd;
import org.jointops.aggregator.rates.UsdConversion.LineUsd;
import org.jointops.aggregator.rates.UsdConversion.MissingRate;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RateKind;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversion to US dollars, checked against figures computed by hand: each (stage,
 * currency) amount divided by its rate and rounded once to cents, half to even; totals
 * the exact sums of those cents.
 */
class UsdConversionTests {

	static final Instant SET = Instant.parse("2026-01-10T10:00:00Z");

	static final Instant CORRECTED = Instant.parse("2026-01-20T10:00:00Z");

	@Test
	void convertsEachStageAndCurrencyOnceAndAddsTheCents() {
		UsdConversion usd = UsdConversion.of(fines(), rates(), null);

		// 52,000,000.00 / 320.75 = 162,120.0311... -> 162,120.03
		// 3,300,000.00 / 330.00 = 10,000 exactly
		assertThat(usd.line("FINES_IMPOSED", "KZT")).contains(
				new LineUsd("FINES_IMPOSED", "KZT", new BigDecimal("172120.03"), stages("162120.03", "10000.00"), true,
						List.of(RateView.of(rate(1, "KZT", "320.75", SET)), RateView.of(rate(2, "KZT", "330.00", SET))),
						List.of()));
		// 95,400,000.00 / 58.20 = 1,639,175.2577... -> 1,639,175.26
		assertThat(usd.line("FINES_IMPOSED", "RUB").orElseThrow().total()).isEqualByComparingTo("1639175.26");
		// US dollars pass through, without a rate
		LineUsd dollars = usd.line("FINES_IMPOSED", "USD").orElseThrow();
		assertThat(dollars.total()).isEqualTo(new BigDecimal("125000.50"));
		assertThat(dollars.rates()).isEmpty();
		// stage 1: 162,120.03 + 1,639,175.26 + 125,000.50; stage 2: 10,000.00
		assertThat(usd.categories()).containsExactly(new CategoryUsd("FINES_IMPOSED", new BigDecimal("1936295.79"),
				stages("1926295.79", "10000.00"), true, List.of()));
	}

	@Test
	void roundsHalfToEvenOnce() {
		assertThat(UsdConversion.convert(new BigDecimal("1.25"), BigDecimal.TEN)).isEqualTo(new BigDecimal("0.12"));
		assertThat(UsdConversion.convert(new BigDecimal("1.35"), BigDecimal.TEN)).isEqualTo(new BigDecimal("0.14"));
		assertThat(UsdConversion.convert(new BigDecimal("1250000.00"), new BigDecimal("387.5")))
			.isEqualTo(new BigDecimal("3225.81"));
	}

	@Test
	void aCorrectionRestatesTheFigures() {
		RegisterDocument corrected = rates().withRate(rate(1, "KZT", "321.00", CORRECTED));

		UsdConversion usd = UsdConversion.of(fines(), corrected, null);

		// 52,000,000.00 / 321.00 = 161,993.7694... -> 161,993.77
		assertThat(usd.line("FINES_IMPOSED", "KZT").orElseThrow().byStage()).isEqualTo(stages("161993.77", "10000.00"));
		assertThat(usd.category("FINES_IMPOSED").orElseThrow().total()).isEqualTo(new BigDecimal("1936169.53"));
		assertThat(usd.line("FINES_IMPOSED", "KZT").orElseThrow().rates()).extracting(RateView::unitsPerUsd)
			.containsExactly(new BigDecimal("321.00"), new BigDecimal("330.00"));
	}

	@Test
	void asOfAnInstantAppliesTheRatesRecordedByThen() {
		RegisterDocument corrected = rates().withRate(rate(1, "KZT", "321.00", CORRECTED));

		assertThat(UsdConversion.of(fines(), corrected, CORRECTED.minusSeconds(1)).category("FINES_IMPOSED"))
			.map(CategoryUsd::total)
			.contains(new BigDecimal("1936295.79"));
		assertThat(UsdConversion.of(fines(), corrected, CORRECTED).category("FINES_IMPOSED")).map(CategoryUsd::total)
			.contains(new BigDecimal("1936169.53"));
	}

	@Test
	void aMissingRateMakesTheTotalIncompleteNeverZero() {
		UsdConversion usd = UsdConversion.of(fines(), rates(), SET.minusSeconds(1));

		assertThat(usd.line("FINES_IMPOSED", "KZT")).contains(new LineUsd("FINES_IMPOSED", "KZT", null, Map.of(), false,
				List.of(), List.of(new MissingRate(1, "KZT"), new MissingRate(2, "KZT"))));
		assertThat(usd.line("FINES_IMPOSED", "USD").orElseThrow().complete()).isTrue();
		assertThat(usd.categories()).containsExactly(new CategoryUsd("FINES_IMPOSED", null, Map.of(), false,
				List.of(new MissingRate(1, "KZT"), new MissingRate(1, "RUB"), new MissingRate(2, "KZT"))));
	}

	@Test
	void keepsTheStagesWhoseRatesAreAllThere() {
		RegisterDocument onlyStage2 = RegisterDocument.empty("ILLEGAL-2017").withRate(rate(2, "KZT", "330.00", SET));

		CategoryUsd fines = UsdConversion.of(fines(), onlyStage2, null).category("FINES_IMPOSED").orElseThrow();

		assertThat(fines.complete()).isFalse();
		assertThat(fines.total()).isNull();
		assertThat(fines.byStage()).isEqualTo(Map.of("2", new BigDecimal("10000.00")));
		assertThat(fines.missing()).containsExactly(new MissingRate(1, "KZT"), new MissingRate(1, "RUB"));
	}

	@Test
	void convertsMoneyOnlyAndAZeroNeedsNoRate() {
		CouncilTotals totals = totals(line("IMMIGRATION_LAW_VIOLATIONS", "COUNT", null, Map.of("1", "52000")),
				line("FINES_IMPOSED", "MONEY", "KGS", Map.of("1", "0")));

		UsdConversion usd = UsdConversion.of(totals, RegisterDocument.empty("ILLEGAL-2017"), null);

		assertThat(usd.lines()).hasSize(1);
		assertThat(usd.categories())
			.containsExactly(new CategoryUsd("FINES_IMPOSED", new BigDecimal("0.00"), stages("0.00"), true, List.of()));
	}

	static CouncilTotals fines() {
		return totals(line("FINES_IMPOSED", "MONEY", "KZT", Map.of("1", "52000000", "2", "3300000")),
				line("FINES_IMPOSED", "MONEY", "RUB", Map.of("1", "95400000")),
				line("FINES_IMPOSED", "MONEY", "USD", Map.of("1", "125000.5")));
	}

	static RegisterDocument rates() {
		return RegisterDocument.empty("ILLEGAL-2017")
			.withRate(rate(1, "KZT", "320.75", SET))
			.withRate(rate(2, "KZT", "330.00", SET))
			.withRate(rate(1, "RUB", "58.20", SET));
	}

	static ExchangeRate rate(int stage, String currency, String unitsPerUsd, Instant at) {
		return new ExchangeRate(stage, currency, new BigDecimal(unitsPerUsd), RateKind.PERIOD_AVERAGE,
				"UN operational rate, June 2017", LocalDate.parse("2017-06-01"), at, "secretariat");
	}

	static CouncilTotals totals(TotalLine... lines) {
		return CouncilTotals.newBuilder()
			.setOperation("ILLEGAL-2017")
			.setVersion(3)
			.setReports(3)
			.setUpdatedAt(Instant.parse("2017-06-05T10:00:00Z"))
			.setLines(List.of(lines))
			.build();
	}

	/** A line whose every stage is one state's (the conversion reads the stages only). */
	static TotalLine line(String category, String unit, String currency, Map<String, String> byStage) {
		Map<String, BigDecimal> stages = new LinkedHashMap<>();
		byStage.forEach((stage, amount) -> stages.put(stage, new BigDecimal(amount).setScale(3)));
		BigDecimal total = stages.values().stream().reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
		return TotalLine.newBuilder()
			.setCategory(category)
			.setUnit(unit)
			.setCurrency(currency)
			.setTotal(total)
			.setByState(Map.of("KAZ", total))
			.setByStage(stages)
			.build();
	}

	private static Map<String, BigDecimal> stages(String... amounts) {
		Map<String, BigDecimal> stages = new LinkedHashMap<>();
		for (int i = 0; i < amounts.length; i++) {
			stages.put(String.valueOf(i + 1), new BigDecimal(amounts[i]));
		}
		return stages;
	}

}
