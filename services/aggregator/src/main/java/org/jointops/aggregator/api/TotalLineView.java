package org.jointops.aggregator.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TotalLine", description = "One category's council total (for money, in one currency; no conversion).")
public record TotalLineView(@Schema(example = "IMMIGRATION_LAW_VIOLATIONS") String category,
		@Schema(implementation = Unit.class) String unit,
		@Schema(description = "ISO 4217 code, for money only", example = "USD") String currency,
		@Schema(description = "The council total", example = "1520") BigDecimal total,
		@Schema(description = "The total by member state code") Map<String, BigDecimal> byState,
		@Schema(description = "The total by stage number") Map<String, BigDecimal> byStage) {

	static TotalLineView of(TotalLine line) {
		int scale = Unit.valueOf(line.getUnit()).scale();
		return new TotalLineView(line.getCategory(), line.getUnit(), line.getCurrency(), scaled(line.getTotal(), scale),
				scaled(line.getByState(), scale), scaled(line.getByStage(), scale));
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
