package org.jointops.aggregator.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

import org.jointops.aggregator.rates.RoundFigure;
import org.jointops.catalogue.Unit;

/**
 * A language of the council summary: its wording (the bundle
 * {@code summary_<language>.properties} next to this class, e.g.
 * {@code summary_en.properties}), its plural forms, and how it writes numbers and dates
 * (the JDK's locale data: English groups thousands with a comma, Russian with a no-break
 * space and writes a decimal comma).
 */
enum SummaryLanguage {

	/** English: forms one and other. */
	EN(Locale.ENGLISH) {
		@Override
		String pluralForm(BigDecimal number) {
			return (number.compareTo(BigDecimal.ONE) == 0) ? "one" : "other";
		}
	},

	/** Russian: forms one, few and many for whole numbers, other for fractions. */
	RU(Locale.forLanguageTag("ru")) {
		@Override
		String pluralForm(BigDecimal number) {
			if (number.stripTrailingZeros().scale() > 0) {
				return "other";
			}
			long n = number.abs().remainder(BigDecimal.valueOf(100)).longValue();
			long last = n % 10;
			if (last == 1 && n != 11) {
				return "one";
			}
			if (last >= 2 && last <= 4 && (n < 12 || n > 14)) {
				return "few";
			}
			return "many";
		}
	};

	private final Locale locale;

	private final Properties messages;

	SummaryLanguage(Locale locale) {
		this.locale = locale;
		this.messages = load("summary_" + locale.getLanguage() + ".properties");
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = SummaryLanguage.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing summary bundle " + name);
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * The language of a {@code lang} parameter.
	 * @param code {@code en} or {@code ru}, any case
	 * @return the language
	 * @throws IllegalArgumentException for another code
	 */
	static SummaryLanguage of(String code) {
		for (SummaryLanguage language : values()) {
			if (language.code().equalsIgnoreCase(code)) {
				return language;
			}
		}
		throw new IllegalArgumentException("must be en or ru, not " + org.jointops.catalogue.Untrusted.quoted(code));
	}

	String code() {
		return this.locale.getLanguage();
	}

	/**
	 * The plural form of a number, as the bundle's keys name it.
	 * @param number a number
	 * @return one, few, many or other
	 */
	abstract String pluralForm(BigDecimal number);

	/**
	 * A message of the bundle.
	 * @param key its key
	 * @param arguments values for {@code {0}}, {@code {1}}...
	 * @return the message, or null if the bundle has no such key
	 */
	String message(String key, Object... arguments) {
		String message = this.messages.getProperty(key);
		if (message == null) {
			return null;
		}
		for (int i = 0; i < arguments.length; i++) {
			message = message.replace("{" + i + "}", String.valueOf(arguments[i]));
		}
		return message;
	}

	/**
	 * The message of a counted category in the form its number takes; falls back to the
	 * form {@code other}, then {@code many}, then the key itself.
	 * @param key the key without its form
	 * @param number the number
	 * @param formatted the number as written
	 * @return the message, or null if the bundle has none
	 */
	String plural(String key, BigDecimal number, String formatted) {
		for (String form : new String[] { pluralForm(number), "other", "many" }) {
			String message = message(key + "." + form, formatted);
			if (message != null) {
				return message;
			}
		}
		return message(key, formatted);
	}

	/**
	 * A figure as this language writes it: counts whole, money with two decimals,
	 * kilograms with up to three.
	 * @param value the figure
	 * @param unit its unit
	 * @return e.g. {@code 100,659} or {@code 100 659}
	 */
	String number(BigDecimal value, Unit unit) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(this.locale));
		format.setMinimumFractionDigits((unit == Unit.MONEY) ? 2 : 0);
		format.setMaximumFractionDigits(unit.scale());
		format.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
		return format.format(value);
	}

	/**
	 * An exact decimal as this language writes it, with all its decimals.
	 * @param value the decimal, e.g. an exchange rate
	 * @return e.g. {@code 1,234.5678} or {@code 1 234,5678}
	 */
	String decimal(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(this.locale));
		int scale = Math.max(0, value.scale());
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		format.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
		return format.format(value);
	}

	/**
	 * A total in US dollars as the council says it: "more than" the round figure below it
	 * ({@link RoundFigure}), or exactly below {@value RoundFigure#THRESHOLD}.
	 * @param total the exact total, in cents
	 * @return e.g. {@code more than 8.7 million US dollars} or
	 * {@code более 8,7 млн долларов США}
	 */
	String usd(BigDecimal total) {
		return RoundFigure.below(total)
			.map((figure) -> message("usd.more-than." + figure.scale(), decimal(figure.count())))
			.orElseGet(() -> message("usd.exact", number(total, Unit.MONEY)));
	}

	/**
	 * An instant as this language writes it, in UTC.
	 * @param instant the instant
	 * @return e.g. {@code 3 June 2017, 08:00 UTC}
	 */
	String dateTime(Instant instant) {
		return DateTimeFormatter.ofPattern(message("date.pattern"), this.locale)
			.withZone(ZoneOffset.UTC)
			.format(instant);
	}

}
