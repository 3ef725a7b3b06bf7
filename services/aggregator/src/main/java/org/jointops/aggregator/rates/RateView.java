package org.jointops.aggregator.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RateKind;

/**
 * An exchange rate as the API shows it.
 *
 * @param stage the stage it is for
 * @param currency the currency it converts
 * @param unitsPerUsd units of the currency per US dollar
 * @param kind period average or end of period
 * @param source where it comes from
 * @param effective the date it is for
 * @param recordedAt when the secretariat set it
 * @param recordedBy who set it
 */
@Schema(name = "ExchangeRate", description = "An exchange rate the secretariat set for one stage of an operation: "
		+ "how many units of a currency make one US dollar.")
public record RateView(@Schema(description = "The stage it is for", example = "1") int stage,
		@Schema(description = "ISO 4217 code of the currency it converts (never USD)", example = "KZT") String currency,
		@Schema(description = "Units of the currency per US dollar, exact (at most 12 decimals)",
				example = "320.75") BigDecimal unitsPerUsd,
		@Schema(implementation = RateKind.class) RateKind kind,
		@Schema(description = "Where it comes from", example = "UN operational rate, June 2017") String source,
		@Schema(description = "The date it is for (for a period average, the period's first day)",
				example = "2017-06-01") LocalDate effective,
		@Schema(description = "When the secretariat set it: the rate in force at an instant is the one "
				+ "recorded last at or before it") Instant recordedAt,
		@Schema(description = "The reader who set it", example = "secretariat") String recordedBy) {

	/**
	 * The view of a rate of the register.
	 * @param rate the rate
	 * @return its view
	 */
	public static RateView of(ExchangeRate rate) {
		return new RateView(rate.stage(), rate.currency(), rate.unitsPerUsd(), rate.kind(), rate.source(),
				rate.effective(), rate.recordedAt(), rate.recordedBy());
	}

}
