package org.jointops.aggregator.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.aggregator.rates.UsdConversion;
import org.jointops.aggregator.rates.UsdConversion.LineUsd;
import org.jointops.catalogue.Unit;
import org.jointops.totals.TotalLine;

/**
 * One category's total (for money, in one currency), with exact numbers at the unit's
 * scale.
 *
 * @param category category code
 * @param unit COUNT, KILOGRAM or MONEY
 * @param currency ISO 4217 code, for money only
 * @param total the council total
 * @param byState the total by member state
 * @param byStage the total by stage number
 * @param usd for money, the line in US dollars (total and by stage) with the rates used
 * or the rates missing; absent when not converted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TotalLine",
		description = "One category's council total (for money, in one currency, and converted to US dollars "
				+ "under `usd`).")
public record TotalLineView(@Schema(example = "IMMIGRATION_LAW_VIOLATIONS") String category,
		@Schema(implementation = Unit.class) String unit,
		@Schema(description = "ISO 4217 code, for money only", example = "USD") String currency,
		@Schema(description = "The council total", example = "1520") BigDecimal total,
		@Schema(description = "The total by member state code") Map<String, BigDecimal> byState,
		@Schema(description = "The total by stage number") Map<String, BigDecimal> byStage,
		@Schema(description = "For money, the line in US dollars under the exchange rates in force (at `asOf` "
				+ "if asked): total and by stage, with the rates used, or the rates missing") LineUsd usd) {

	static TotalLineView of(TotalLine line) {
		return of(line, null);
	}

	static TotalLineView of(TotalLine line, UsdConversion usd) {
		int scale = Unit.valueOf(line.getUnit()).scale();
		LineUsd converted = (usd != null && line.getCurrency() != null)
				? usd.line(line.getCategory(), line.getCurrency()).orElse(null) : null;
		return new TotalLineView(line.getCategory(), line.getUnit(), line.getCurrency(), scaled(line.getTotal(), scale),
				scaled(line.getByState(), scale), scaled(line.getByStage(), scale), converted);
	}

	private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> values, int scale) {
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		values.forEach((key, value) -> result.put(key, scaled(value, scale)));
		return result;
	}

	private static BigDecimal scaled(BigDecimal value, int scale) {
		// exact: every quantity summed was validated to have at most `scale` decimals
		return value.setScale(scale, RoundingMode.UNNECESSARY);
	}

}
