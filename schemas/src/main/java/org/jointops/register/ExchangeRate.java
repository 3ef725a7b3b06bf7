package org.jointops.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An exchange rate the secretariat set for one stage of an operation: how many units of a
 * currency make one US dollar (the way the UN publishes its operational rates). A
 * correction is a new rate for the same stage and currency, recorded later; the rate in
 * force at an instant is the one recorded last before it.
 *
 * @param stage the stage number
 * @param currency the ISO 4217 code, not USD
 * @param unitsPerUsd units of the currency per US dollar, positive
 * @param kind period average or end of period
 * @param source where the rate comes from, e.g. "UN operational rate, June 2017"
 * @param effective the date the rate is for (the period's first day for an average)
 * @param recordedAt when the secretariat set it
 * @param recordedBy who set it
 */
public record ExchangeRate(int stage, String currency, BigDecimal unitsPerUsd, RateKind kind, String source,
		LocalDate effective, Instant recordedAt, String recordedBy) {

	/**
	 * Whether this rate is for the same stage and currency as another.
	 * @param stage a stage number
	 * @param currency a currency code
	 * @return true if it is
	 */
	public boolean isFor(int stage, String currency) {
		return this.stage == stage && this.currency.equals(currency);
	}

}
