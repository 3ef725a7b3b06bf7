package org.jointops.aggregator.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jointops.aggregator.approval.FiguresView;
import org.jointops.aggregator.approval.Finality;
import org.jointops.aggregator.rates.RateView;
import org.jointops.aggregator.rates.UsdConversion;
import org.jointops.aggregator.rates.UsdConversion.CategoryUsd;
import org.jointops.aggregator.rates.UsdConversion.LineUsd;
import org.jointops.aggregator.rates.UsdConversion.MissingRate;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Category;
import org.jointops.catalogue.MemberState;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Programme;
import org.jointops.catalogue.Stage;
import org.jointops.catalogue.Unit;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;

/**
 * A council summary of an operation's totals, worded in one language and ready to lay
 * out: a numbered list of the findings (<em>of which</em> lines under their parent), a
 * table by member state and one by stage, and the time and version the figures stand at.
 * Money is said in US dollars, as the council's "more than" figure
 * ({@link org.jointops.aggregator.rates.RoundFigure}), when every amount has a rate; a
 * third table gives each currency's amounts by stage with the rate and the exact US
 * dollar figures. While a rate is missing, the item gives the amounts per currency and
 * names the missing rates.
 *
 * @param language the language
 * @param title the heading
 * @param council the council the operation reports to, or null
 * @param intro "During the operation:"
 * @param items the numbered findings; empty when nothing is reported
 * @param none what is said instead of the items when there are none
 * @param tables by member state, then by stage, then money in US dollars (when there is
 * money); empty when nothing is reported
 * @param figures when the figures stand, their version and the reports they rest on
 * @param finality whether the figures are final or preliminary, or null if not known
 * @param stages per stage, for which member states its figures are final and for which
 * preliminary; empty if not known
 */
record CouncilSummary(SummaryLanguage language, String title, String council, String intro, List<Item> items,
		String none, List<Table> tables, String figures, String finality, List<String> stages) {

	private static final String NONE = "–";

	/**
	 * Words an operation's totals as if no exchange rate were recorded.
	 * @param totals the totals
	 * @param operation the operation's catalogue entry
	 * @param catalogue the catalogue
	 * @param language the language
	 * @param asOf the instant asked for, or null for the current totals
	 * @return the summary
	 */
	static CouncilSummary of(CouncilTotals totals, Operation operation, Catalogue catalogue, SummaryLanguage language,
			Instant asOf) {
		return of(totals, operation, catalogue, language, asOf, null);
	}

	/**
	 * Words an operation's totals and whether they are final.
	 * @param totals the totals
	 * @param operation the operation's catalogue entry
	 * @param catalogue the catalogue
	 * @param language the language
	 * @param asOf the instant asked for, or null for the current totals
	 * @param marks whether the figures are final ({@link Finality}, from the register the
	 * figures stand with), or null to say nothing of it
	 * @return the summary
	 */
	static CouncilSummary of(CouncilTotals totals, Operation operation, Catalogue catalogue, SummaryLanguage language,
			Instant asOf, FiguresView marks) {
		return of(totals, operation, catalogue, RegisterDocument.empty(operation.code()), language, asOf, marks);
	}

	/**
	 * Words an operation's totals with everything its register says of them: money in US
	 * dollars under the exchange rates in force at {@code asOf}, and whether the figures
	 * are final.
	 * @param totals the totals
	 * @param operation the operation's catalogue entry
	 * @param catalogue the catalogue
	 * @param register the operation's register (live, or stored with a publication)
	 * @param language the language
	 * @param asOf the instant asked for, or null for the current totals
	 * @return the summary
	 */
	static CouncilSummary of(CouncilTotals totals, Operation operation, Catalogue catalogue, RegisterDocument register,
			SummaryLanguage language, Instant asOf) {
		return of(totals, operation, catalogue, register, language, asOf,
				Finality.of(register, operation, catalogue.states().stream().map(MemberState::code).toList(), asOf));
	}

	/**
	 * Words an operation's totals, money in US dollars under the exchange rates of a
	 * register, with given marks.
	 * @param totals the totals
	 * @param operation the operation's catalogue entry
	 * @param catalogue the catalogue
	 * @param register the operation's register
	 * @param language the language
	 * @param asOf the instant asked for, or null for the current totals
	 * @param marks whether the figures are final, or null to say nothing of it
	 * @return the summary
	 */
	static CouncilSummary of(CouncilTotals totals, Operation operation, Catalogue catalogue, RegisterDocument register,
			SummaryLanguage language, Instant asOf, FiguresView marks) {
		UsdConversion usd = UsdConversion.of(totals, register, asOf);
		Programme programme = catalogue.programmes()
			.stream()
			.filter((candidate) -> candidate.code().equals(operation.programme()))
			.findFirst()
			.orElse(null);
		String council = (programme != null)
				? Optional.ofNullable(language.message("council." + programme.code())).orElse(programme.council())
				: null;
		List<Item> items = items(totals, catalogue, language, usd);
		List<Table> tables = new ArrayList<>();
		if (!totals.getLines().isEmpty()) {
			Map<String, String> states = new LinkedHashMap<>();
			TreeSet<String> reporting = new TreeSet<>();
			totals.getLines().forEach((line) -> reporting.addAll(line.getByState().keySet()));
			catalogue.states().stream().map(MemberState::code).forEach((code) -> states.put(code, code));
			reporting.forEach((code) -> states.putIfAbsent(code, code));
			tables.add(table(language.message("table.by-state"), totals, catalogue, language, states,
					TotalLine::getByState));
			Map<String, String> stages = new LinkedHashMap<>();
			operation.stages()
				.stream()
				.map(Stage::stage)
				.forEach((stage) -> stages.put(String.valueOf(stage), language.message("column.stage", stage)));
			tables.add(table(language.message("table.by-stage"), totals, catalogue, language, stages,
					TotalLine::getByStage));
			if (!usd.lines().isEmpty()) {
				tables.add(usdTable(totals, catalogue, language, usd));
			}
		}
		String figures;
		if (asOf == null && totals.getVersion() == 0) {
			figures = language.message("figures.none");
		}
		else {
			Instant standsAt = (asOf != null) ? asOf : totals.getUpdatedAt();
			figures = language.message("figures", language.dateTime(standsAt), totals.getVersion(),
					totals.getReports());
		}
		String finality = (marks != null) ? language.message("finality." + marks.status()) : null;
		List<String> stages = (marks != null) ? stageMarks(marks, operation, language) : List.of();
		return new CouncilSummary(language, language.message("title", operation.name()), council,
				language.message("during"), items, language.message("none"), tables, figures, finality, stages);
	}

	/**
	 * One line per stage: for which member states its figures are final, for which
	 * preliminary.
	 */
	private static List<String> stageMarks(FiguresView marks, Operation operation, SummaryLanguage language) {
		List<String> lines = new ArrayList<>();
		for (Stage stage : operation.stages()) {
			List<String> finals = new ArrayList<>();
			List<String> preliminary = new ArrayList<>();
			marks.cases()
				.stream()
				.filter((mark) -> mark.stage() == stage.stage())
				.forEach((mark) -> ((mark.status() == FigureStatus.FINAL) ? finals : preliminary).add(mark.state()));
			if (preliminary.isEmpty()) {
				lines.add(language.message("finality.stage.all-final", stage.stage()));
			}
			else if (finals.isEmpty()) {
				lines.add(language.message("finality.stage.all-preliminary", stage.stage()));
			}
			else {
				lines.add(language.message("finality.stage.mixed", stage.stage(), String.join(", ", finals),
						String.join(", ", preliminary)));
			}
		}
		return lines;
	}

	private static List<Item> items(CouncilTotals totals, Catalogue catalogue, SummaryLanguage language,
			UsdConversion usd) {
		Map<String, List<TotalLine>> byCategory = new LinkedHashMap<>();
		totals.getLines()
			.forEach((line) -> byCategory.computeIfAbsent(line.getCategory(), (k) -> new ArrayList<>()).add(line));
		List<Item> items = new ArrayList<>();
		Map<String, List<String>> ofWhich = new LinkedHashMap<>();
		List<String> parents = new ArrayList<>();
		Map<String, String> sentences = new LinkedHashMap<>();
		byCategory.forEach((code, lines) -> {
			Optional<Category> category = catalogue.category(code);
			String sentence = sentence(code, category, lines, language, usd.category(code));
			String parent = category.map(Category::parent).orElse(null);
			if (parent != null && byCategory.containsKey(parent)) {
				ofWhich.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(sentence);
			}
			else {
				parents.add(code);
				sentences.put(code, sentence);
			}
		});
		for (String code : parents) {
			items.add(new Item(items.size() + 1, sentences.get(code), ofWhich.getOrDefault(code, List.of())));
		}
		return items;
	}

	private static String sentence(String code, Optional<Category> category, List<TotalLine> lines,
			SummaryLanguage language, Optional<CategoryUsd> usd) {
		Unit unit = Unit.valueOf(lines.get(0).getUnit());
		String key = "item." + code;
		if (unit == Unit.COUNT) {
			BigDecimal total = lines.get(0).getTotal();
			String written = language.number(total, unit);
			String sentence = language.plural(key, total, written);
			return (sentence != null) ? sentence : fallback(code, category, written);
		}
		if (unit == Unit.MONEY && usd.isPresent() && usd.get().complete()) {
			String written = language.usd(usd.get().total());
			return Optional.ofNullable(language.message(key, written))
				.orElseGet(() -> fallback(code, category, written));
		}
		List<String> amounts = lines.stream()
			.map((line) -> language.number(line.getTotal(), unit)
					+ ((line.getCurrency() != null) ? " " + line.getCurrency() : ""))
			.toList();
		String written = joined(amounts, language);
		String sentence = Optional.ofNullable(language.message(key, written))
			.orElseGet(() -> fallback(code, category,
					(unit == Unit.KILOGRAM) ? written + " " + language.message("unit.KILOGRAM") : written));
		if (unit == Unit.MONEY && usd.isPresent()) {
			return sentence + " " + language.message("usd.missing", missing(usd.get().missing(), language));
		}
		return sentence;
	}

	/**
	 * The missing rates, by currency: e.g. "KGS (stage 2), KZT (stages 1, 2)".
	 * @param missing the missing rates
	 * @param language the language
	 * @return the list as written
	 */
	private static String missing(List<MissingRate> missing, SummaryLanguage language) {
		Map<String, List<Integer>> stages = new TreeMap<>();
		missing.forEach((rate) -> stages.computeIfAbsent(rate.currency(), (k) -> new ArrayList<>()).add(rate.stage()));
		List<String> parts = new ArrayList<>();
		stages.forEach(
				(currency,
						numbers) -> parts.add(currency + " ("
								+ language.message((numbers.size() == 1) ? "usd.missing.stage" : "usd.missing.stages",
										String.join(", ", numbers.stream().sorted().map(String::valueOf).toList()))
								+ ")"));
		return String.join(", ", parts);
	}

	/**
	 * The money lines in US dollars: one row per line and stage with the amount, the rate
	 * and the US dollars, then each category's exact total in US dollars.
	 */
	private static Table usdTable(CouncilTotals totals, Catalogue catalogue, SummaryLanguage language,
			UsdConversion usd) {
		List<String> headers = List.of(language.message("column.category"), language.message("column.currency"),
				language.message("column.stage-number"), language.message("column.amount"),
				language.message("column.rate"), language.message("column.usd"));
		List<Row> rows = new ArrayList<>();
		List<TotalLine> money = totals.getLines()
			.stream()
			.filter((line) -> line.getCurrency() != null
					&& usd.line(line.getCategory(), line.getCurrency()).isPresent())
			.toList();
		for (int i = 0; i < money.size(); i++) {
			TotalLine line = money.get(i);
			LineUsd converted = usd.line(line.getCategory(), line.getCurrency()).orElseThrow();
			Optional<Category> category = catalogue.category(line.getCategory());
			boolean ofWhich = category.map(Category::isPartOfParent).orElse(false);
			String name = name(line.getCategory(), category, language);
			String label = ofWhich ? language.message("of-which-row") + name : name;
			Map<String, BigDecimal> amounts = new TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt));
			amounts.putAll(line.getByStage());
			amounts.forEach((stage, amount) -> {
				String rate;
				if (UsdConversion.USD.equals(line.getCurrency())) {
					rate = "1";
				}
				else {
					rate = converted.rates()
						.stream()
						.filter((used) -> String.valueOf(used.stage()).equals(stage))
						.map(RateView::unitsPerUsd)
						.map(language::decimal)
						.findFirst()
						.orElse(converted.byStage().containsKey(stage) ? NONE : language.message("usd.no-rate"));
				}
				BigDecimal dollars = converted.byStage().get(stage);
				rows.add(new Row(label, ofWhich, line.getCurrency(), List.of(stage, language.number(amount, Unit.MONEY),
						rate, (dollars != null) ? language.number(dollars, Unit.MONEY) : NONE)));
			});
			boolean last = i == money.size() - 1 || !money.get(i + 1).getCategory().equals(line.getCategory());
			if (last) {
				CategoryUsd total = usd.category(line.getCategory()).orElseThrow();
				rows.add(new Row(language.message("usd.total-row", name), ofWhich, UsdConversion.USD,
						List.of(NONE, NONE, NONE, total.complete() ? language.number(total.total(), Unit.MONEY)
								: language.message("usd.incomplete"))));
			}
		}
		return new Table(language.message("table.usd"), headers, rows);
	}

	private static String name(String code, Optional<Category> category, SummaryLanguage language) {
		return Optional.ofNullable(language.message("name." + code)).orElse(category.map(Category::name).orElse(code));
	}

	private static String joined(List<String> parts, SummaryLanguage language) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + language.message("and")
				+ parts.get(parts.size() - 1);
	}

	private static String fallback(String code, Optional<Category> category, String written) {
		String name = category.map(Category::name).orElse(code);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + written + ".";
	}

	private static Table table(String caption, CouncilTotals totals, Catalogue catalogue, SummaryLanguage language,
			Map<String, String> columns, Function<TotalLine, Map<String, BigDecimal>> breakdown) {
		List<String> headers = new ArrayList<>();
		headers.add(language.message("column.category"));
		headers.add(language.message("column.unit"));
		headers.addAll(columns.values());
		headers.add(language.message("column.total"));
		List<Row> rows = new ArrayList<>();
		for (TotalLine line : totals.getLines()) {
			Unit unit = Unit.valueOf(line.getUnit());
			Optional<Category> category = catalogue.category(line.getCategory());
			boolean ofWhich = category.map(Category::isPartOfParent).orElse(false);
			String name = Optional.ofNullable(language.message("name." + line.getCategory()))
				.orElse(category.map(Category::name).orElse(line.getCategory()));
			String label = ofWhich ? language.message("of-which-row") + name : name;
			String unitLabel = (line.getCurrency() != null) ? line.getCurrency() : language.message("unit." + unit);
			List<String> figures = new ArrayList<>();
			Map<String, BigDecimal> values = breakdown.apply(line);
			for (String column : columns.keySet()) {
				BigDecimal value = values.get(column);
				figures.add((value != null) ? language.number(value, unit) : NONE);
			}
			figures.add(language.number(line.getTotal(), unit));
			rows.add(new Row(label, ofWhich, unitLabel, figures));
		}
		return new Table(caption, headers, rows);
	}

	/**
	 * One numbered finding.
	 *
	 * @param number its number, from 1
	 * @param text the sentence
	 * @param ofWhich its <em>of which</em> lines
	 */
	record Item(int number, String text, List<String> ofWhich) {
	}

	/**
	 * A table of figures.
	 *
	 * @param caption its caption
	 * @param headers column headings: category, unit, one per column of figures, total
	 * @param rows one per total line
	 */
	record Table(String caption, List<String> headers, List<Row> rows) {
	}

	/**
	 * A row of a table.
	 *
	 * @param label the category, prefixed for an <em>of which</em> line
	 * @param ofWhich whether it is an <em>of which</em> line
	 * @param unit the unit or currency
	 * @param figures the figures, "–" where there is none, the total last
	 */
	record Row(String label, boolean ofWhich, String unit, List<String> figures) {
	}

}
