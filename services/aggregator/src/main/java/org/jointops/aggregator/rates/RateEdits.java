package org.jointops.aggregator.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Stage;
import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RateKind;
import org.jointops.register.RegisterDocument;
import org.jointops.register.RegisterDocument.RateKey;

/**
 * Setting an exchange rate, as a pure function from one register to the next: the request
 * is checked whole first (400, nothing written).
 */
final class RateEdits {

	/** Most decimals of a rate. */
	static final int MAX_DECIMALS = 12;

	/** Most digits before the decimal point of a rate. */
	static final int MAX_WHOLE_DIGITS = 15;

	/** Longest source. */
	static final int MAX_SOURCE = 200;

	private static final int MAX_NUMBER_TEXT = 40;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private RateEdits() {
	}

	/**
	 * Checks a request to set a rate.
	 * @param operation the operation, from the catalogue
	 * @param stage the stage as the path gives it
	 * @param currency the currency as the path gives it
	 * @param request the body
	 * @return the rate to record (its time and author still to be set)
	 * @throws InvalidRateException if anything is wrong, each problem named
	 */
	static Checked check(Operation operation, String stage, String currency, RateRequest request) {
		List<Violation> problems = new ArrayList<>();
		Integer number = stage(operation, stage, problems);
		checkCurrency(currency, problems);
		BigDecimal unitsPerUsd = unitsPerUsd(request.unitsPerUsd(), problems);
		RateKind kind = kind(request.kind(), problems);
		String source = (request.source() != null) ? request.source().strip() : null;
		if (source == null || source.isEmpty()) {
			problems.add(new Violation("source",
					"is required: where the rate comes from, e.g. " + "\"UN operational rate, June 2017\""));
		}
		else if (source.length() > MAX_SOURCE) {
			problems.add(new Violation("source", "at most " + MAX_SOURCE + " characters"));
		}
		LocalDate effective = effective(request.effective(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRateException(problems);
		}
		return new Checked(number, currency, unitsPerUsd, kind, source, effective);
	}

	/**
	 * Records a checked rate: the next version of the register, or the register itself if
	 * the same rate is already in force (a repeated request changes nothing).
	 * @param register the current register
	 * @param rate the checked rate
	 * @param at when
	 * @param by who
	 * @return the next register, or the same
	 */
	static RegisterDocument record(RegisterDocument register, Checked rate, Instant at, String by) {
		ExchangeRate inForce = register.ratesInForce(null).get(new RateKey(rate.stage(), rate.currency()));
		if (inForce != null && inForce.unitsPerUsd().compareTo(rate.unitsPerUsd()) == 0 && inForce.kind() == rate.kind()
				&& inForce.source().equals(rate.source()) && Objects.equals(inForce.effective(), rate.effective())) {
			return register;
		}
		return register.withRate(new ExchangeRate(rate.stage(), rate.currency(), rate.unitsPerUsd(), rate.kind(),
				rate.source(), rate.effective(), at, by));
	}

	private static Integer stage(Operation operation, String stage, List<Violation> problems) {
		try {
			int number = Integer.parseInt(stage);
			if (operation.stage(number).isPresent()) {
				return number;
			}
			problems.add(new Violation("stage", operation.code() + " has no stage " + number + "; its stages are "
					+ operation.stages().stream().map(Stage::stage).toList()));
		}
		catch (NumberFormatException ex) {
			problems.add(new Violation("stage", "must be a stage number, not " + Untrusted.quoted(stage)));
		}
		return null;
	}

	private static void checkCurrency(String currency, List<Violation> problems) {
		if (currency == null || !CURRENCY.matcher(currency).matches() || !CURRENCIES.contains(currency)) {
			problems.add(new Violation("currency",
					Untrusted.quoted(currency) + " is not an ISO 4217 currency code in upper case (e.g. KZT, RUB)"));
		}
		else if (UsdConversion.USD.equals(currency)) {
			problems.add(new Violation("currency", "USD needs no rate: amounts in US dollars are counted as they are"));
		}
	}

	private static BigDecimal unitsPerUsd(String text, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new Violation("unitsPerUsd",
					"is required: units of the currency per US dollar, e.g. \"470.55\" (a string or a number)"));
			return null;
		}
		BigDecimal value;
		try {
			if (text.length() > MAX_NUMBER_TEXT) {
				throw new NumberFormatException();
			}
			value = new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new Violation("unitsPerUsd", Untrusted.quoted(text) + " is not a decimal number"));
			return null;
		}
		if (value.signum() <= 0) {
			problems.add(new Violation("unitsPerUsd", "must be positive, not " + value.toPlainString()));
			return null;
		}
		if (value.scale() > MAX_DECIMALS) {
			value = value.stripTrailingZeros();
		}
		if (value.scale() > MAX_DECIMALS) {
			problems.add(new Violation("unitsPerUsd", "at most " + MAX_DECIMALS + " decimals"));
			return null;
		}
		if (value.precision() - value.scale() > MAX_WHOLE_DIGITS) {
			problems.add(new Violation("unitsPerUsd", "at most " + MAX_WHOLE_DIGITS + " digits before the point"));
			return null;
		}
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	private static RateKind kind(String text, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			return RateKind.PERIOD_AVERAGE;
		}
		try {
			return RateKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Violation("kind",
					Untrusted.quoted(text) + " is not a kind of rate: PERIOD_AVERAGE (the default) or END_OF_PERIOD"));
			return null;
		}
	}

	private static LocalDate effective(String text, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new Violation("effective",
					"is required: the date the rate is for (ISO 8601, e.g. 2017-06-01; a period's first day for an "
							+ "average)"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems
				.add(new Violation("effective", Untrusted.quoted(text) + " is not a date (ISO 8601, e.g. 2017-06-01)"));
			return null;
		}
	}

	/**
	 * A rate as checked, before it is recorded.
	 *
	 * @param stage the stage
	 * @param currency the currency
	 * @param unitsPerUsd units per US dollar
	 * @param kind its kind
	 * @param source its source
	 * @param effective its date
	 */
	record Checked(int stage, String currency, BigDecimal unitsPerUsd, RateKind kind, String source,
			LocalDate effective) {
	}

	/**
	 * Body of {@code PUT /api/v1/admin/operations/{operation}/rates/{stage}/{currency}}.
	 *
	 * @param unitsPerUsd units of the currency per US dollar, as a JSON string or number
	 * (read exactly)
	 * @param kind PERIOD_AVERAGE (default) or END_OF_PERIOD
	 * @param source where the rate comes from
	 * @param effective the date it is for
	 */
	@Schema(name = "ExchangeRateChange", description = "An exchange rate for one stage and currency of an operation. "
			+ "A rate for a stage and currency that has one is a correction: recorded as a new entry, the earlier "
			+ "stays in the history (and in force for `asOf` before the correction).")
	record RateRequest(
			@Schema(description = "Units of the currency per US dollar: positive, at most 12 decimals, as a JSON "
					+ "string or number (read exactly, never through binary floating point)", type = "string",
					example = "470.55", requiredMode = Schema.RequiredMode.REQUIRED) String unitsPerUsd,
			@Schema(implementation = RateKind.class, description = "PERIOD_AVERAGE (the default) or END_OF_PERIOD",
					defaultValue = "PERIOD_AVERAGE") String kind,
			@Schema(description = "Where the rate comes from, at most 200 characters",
					example = "UN operational rate, June 2017",
					requiredMode = Schema.RequiredMode.REQUIRED) String source,
			@Schema(description = "The date the rate is for (for a period average, the period's first day)",
					type = "string", format = "date", example = "2017-06-01",
					requiredMode = Schema.RequiredMode.REQUIRED) String effective) {
	}

}
