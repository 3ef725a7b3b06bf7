package org.jointops.aggregator.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.catalogue.Unit;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RegisterDocument;
import org.jointops.register.RegisterDocument.RateKey;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;

/**
 * The money lines of council totals in US dollars, under the exchange rates of a register
 * in force at an instant. The one rounding rule: each (stage, currency) amount is divided
 * by the rate of its stage and currency and rounded once, to cents, half to even; every
 * US dollar total is the exact sum of those cents, so a line's or a category's stages add
 * up to its total. Amounts in US dollars pass through unchanged (rate 1); a zero amount
 * needs no rate. An amount without a rate is never counted as zero: its line and category
 * are incomplete, have no total, and name the missing (stage, currency).
 *
 * @param lines one per money line of the totals, in their order
 * @param categories one per money category, in the order of the totals
 */
public record UsdConversion(List<LineUsd> lines, List<CategoryUsd> categories) {

	/** The currency everything is converted to. */
	public static final String USD = "USD";

	/** Cents. */
	public static final int SCALE = 2;

	/** Stage numbers as the totals key them, in numeric order. */
	private static final Comparator<String> STAGES = Comparator.comparingInt(Integer::parseInt);

	/**
	 * Converts council totals.
	 * @param totals the totals (live, filtered, as of an instant, or a publication's)
	 * @param register the operation's register (the live one, or the one stored with a
	 * publication)
	 * @param asOf the instant whose rates apply (those recorded at or before it), or null
	 * for every rate recorded
	 * @return the money lines and categories in US dollars
	 */
	public static UsdConversion of(CouncilTotals totals, RegisterDocument register, Instant asOf) {
		Map<RateKey, ExchangeRate> rates = register.ratesInForce(asOf);
		List<LineUsd> lines = new ArrayList<>();
		Map<String, List<LineUsd>> byCategory = new LinkedHashMap<>();
		for (TotalLine line : totals.getLines()) {
			if (Unit.valueOf(line.getUnit()) != Unit.MONEY || line.getCurrency() == null) {
				continue;
			}
			LineUsd converted = convert(line, rates);
			lines.add(converted);
			byCategory.computeIfAbsent(converted.category(), (code) -> new ArrayList<>()).add(converted);
		}
		List<CategoryUsd> categories = new ArrayList<>();
		byCategory.forEach((category, converted) -> categories.add(sum(category, converted)));
		return new UsdConversion(List.copyOf(lines), List.copyOf(categories));
	}

	/**
	 * Converts one amount: divided by the rate, rounded once to cents, half to even.
	 * @param amount the amount in its currency
	 * @param unitsPerUsd units of its currency per US dollar
	 * @return the amount in US dollars, in cents
	 */
	public static BigDecimal convert(BigDecimal amount, BigDecimal unitsPerUsd) {
		return amount.divide(unitsPerUsd, SCALE, RoundingMode.HALF_EVEN);
	}

	/**
	 * The conversion of a money line.
	 * @param category its category
	 * @param currency its currency
	 * @return its conversion, if the totals have the line
	 */
	public Optional<LineUsd> line(String category, String currency) {
		return this.lines.stream()
			.filter((line) -> line.category().equals(category) && line.currency().equals(currency))
			.findFirst();
	}

	/**
	 * The US dollar total of a money category.
	 * @param category the category
	 * @return its total, if the totals have money lines of it
	 */
	public Optional<CategoryUsd> category(String category) {
		return this.categories.stream().filter((total) -> total.category().equals(category)).findFirst();
	}

	private static LineUsd convert(TotalLine line, Map<RateKey, ExchangeRate> rates) {
		String currency = line.getCurrency();
		boolean usd = USD.equals(currency);
		Map<String, BigDecimal> byStage = new TreeMap<>(STAGES);
		List<RateView> used = new ArrayList<>();
		List<MissingRate> missing = new ArrayList<>();
		TreeMap<String, BigDecimal> amounts = new TreeMap<>(STAGES);
		amounts.putAll(line.getByStage());
		amounts.forEach((stage, amount) -> {
			int number = Integer.parseInt(stage);
			if (usd) {
				byStage.put(stage, amount.setScale(SCALE, RoundingMode.UNNECESSARY));
				return;
			}
			ExchangeRate rate = rates.get(new RateKey(number, currency));
			if (rate != null && rate.unitsPerUsd().signum() > 0) {
				used.add(RateView.of(rate));
				byStage.put(stage, convert(amount, rate.unitsPerUsd()));
			}
			else if (amount.signum() == 0) {
				byStage.put(stage, BigDecimal.ZERO.setScale(SCALE));
			}
			else {
				missing.add(new MissingRate(number, currency));
			}
		});
		boolean complete = missing.isEmpty();
		BigDecimal total = complete ? sum(byStage.values()) : null;
		return new LineUsd(line.getCategory(), currency, total, new LinkedHashMap<>(byStage), complete,
				List.copyOf(used), List.copyOf(missing));
	}

	private static CategoryUsd sum(String category, List<LineUsd> lines) {
		Map<String, BigDecimal> byStage = new TreeMap<>(STAGES);
		List<MissingRate> missing = new ArrayList<>();
		lines.forEach((line) -> {
			line.byStage().forEach((stage, amount) -> byStage.merge(stage, amount, BigDecimal::add));
			missing.addAll(line.missing());
		});
		// a stage with an amount that could not be converted has no US dollar figure
		missing.forEach((rate) -> byStage.remove(String.valueOf(rate.stage())));
		missing.sort(Comparator.comparingInt(MissingRate::stage).thenComparing(MissingRate::currency));
		boolean complete = missing.isEmpty();
		BigDecimal total = complete ? sum(byStage.values()) : null;
		return new CategoryUsd(category, total, new LinkedHashMap<>(byStage), complete, List.copyOf(missing));
	}

	private static BigDecimal sum(Iterable<BigDecimal> values) {
		BigDecimal sum = BigDecimal.ZERO.setScale(SCALE);
		for (BigDecimal value : values) {
			sum = sum.add(value);
		}
		return sum;
	}

	/**
	 * A money line in US dollars.
	 *
	 * @param category its category
	 * @param currency its currency
	 * @param total the sum of its stages in US dollars; null when a rate is missing
	 * @param byStage by stage number: each stage's amount converted at that stage's rate
	 * (stages without a rate left out)
	 * @param complete whether every stage's amount could be converted
	 * @param rates the rates used, by stage (none for US dollars)
	 * @param missing the stages whose rate is missing
	 */
	@Schema(name = "LineUsd",
			description = "A money line in US dollars: each stage's amount divided by that stage's rate and "
					+ "rounded once to cents (half to even); the total is the exact sum of the stages. US dollars "
					+ "pass through (no rate). By member state is not given: with a rate per stage, a state's "
					+ "figure over several stages cannot be read from the council totals (ask the totals with "
					+ "`state=` for one state's figures in US dollars).")
	public record LineUsd(@JsonIgnore String category, @JsonIgnore String currency,
			@Schema(description = "The sum of `byStage`; null while a rate is missing (never a partial sum)",
					nullable = true, example = "25033.60") BigDecimal total,
			@Schema(description = "By stage number, in US dollars; a stage whose rate is missing is left "
					+ "out and named in `missing`") Map<String, BigDecimal> byStage,
			@Schema(description = "Whether every stage could be converted") boolean complete,
			@Schema(description = "The rates used, one per stage (none for a line in US dollars)") List<RateView> rates,
			@Schema(description = "The stages whose rate is missing") List<MissingRate> missing) {

	}

	/**
	 * A money category's council total in US dollars, over all its currencies.
	 *
	 * @param category its category
	 * @param total the sum of the converted stages of every line; null when a rate is
	 * missing
	 * @param byStage by stage number (stages with a missing rate left out)
	 * @param complete whether every amount could be converted
	 * @param missing the rates missing, by stage and currency
	 */
	@Schema(name = "UsdTotal",
			description = "A money category's council total in US dollars, over all its currencies: the exact sum "
					+ "of the converted stages of its lines (see `LineUsd`). Incomplete while a rate is missing: "
					+ "then no total, never a silent zero.")
	public record CategoryUsd(@Schema(example = "FINES_IMPOSED") String category,
			@Schema(description = "The sum of `byStage`; null while a rate is missing", nullable = true,
					example = "8734120.55") BigDecimal total,
			@Schema(description = "By stage number, in US dollars; a stage with a missing rate is left out") Map<String, BigDecimal> byStage,
			@Schema(description = "Whether every amount could be converted") boolean complete,
			@Schema(description = "The rates missing, by stage and currency") List<MissingRate> missing) {

	}

	/**
	 * A rate the conversion needs and the register does not have (at the instant).
	 *
	 * @param stage the stage
	 * @param currency the currency
	 */
	@Schema(name = "MissingRate", description = "An exchange rate the conversion needs and the register does not have")
	public record MissingRate(@Schema(example = "2") int stage, @Schema(example = "KGS") String currency) {

	}

}
