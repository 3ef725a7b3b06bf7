package org.jointops.aggregator.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jointops.aggregator.approval.FiguresView;
import org.jointops.aggregator.approval.Finality;
import org.jointops.aggregator.approval.Submissions;
import org.jointops.aggregator.ledger.Ledgers;
import org.jointops.aggregator.query.DrivenLedgers;
import org.jointops.aggregator.rates.UsdConversion;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.Operation;
import org.jointops.register.ExchangeRate;
import org.jointops.register.RateKind;
import org.jointops.register.RegisterDocument;
import org.jointops.report.ReportRevision;
import org.jointops.totals.CouncilTotals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointops.testsupport.Reports.count;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.illegal2017Stage2;
import static org.jointops.testsupport.Reports.money;

/**
 * The council summary's text for a known dataset, in both languages, checked exactly.
 */
class CouncilSummaryTests {

	private static final Catalogue CATALOGUE = CatalogueLoader.bundled();

	private static final Operation ILLEGAL_2017 = CATALOGUE.operation("ILLEGAL-2017").orElseThrow();

	private static final Instant STANDS_AT = Instant.parse("2017-10-07T09:00:00Z");

	private static final Instant RATES_SET = Instant.parse("2017-10-10T09:00:00Z");

	@Test
	void writesTheCouncilSummaryInEnglishAsPlainText() {
		assertThat(SummaryRenderer.plainText(summary(SummaryLanguage.EN))).isEqualTo(
				"""
						Illegal 2017: results of the operation
						Coordination council of the heads of competent authorities for countering illegal migration

						During the operation:
						1. 100,659 violations of immigration law were revealed.
						2. Fines of more than 120,000 US dollars were imposed.
						3. 21 persons on the international wanted list were detained.
						4. 3 criminal cases were opened for organising illegal migration.
						5. 1 criminal case was opened for trafficking in persons.
						6. 367 criminal cases were opened for other crimes found during the operation.
						   of which 117 drug-trafficking cases.
						   of which 12 illicit-arms-trafficking cases.

						By member state
						Category                                                           Unit            ARM  BLR         KAZ  KGZ     RUS  TJK         Total
						violations of immigration law revealed                             count             –    –      52,000    –  48,659    –       100,659
						fines imposed                                                      AMD    1,250,000.00    –           –    –       –    –  1,250,000.00
						fines imposed                                                      USD               –    –  125,000.50    –       –    –    125,000.50
						persons on the international wanted list detained                  count             –    –          20    –       1    –            21
						criminal cases opened for organising illegal migration             count             –    –           –    –       3    –             3
						criminal cases opened for trafficking in persons                   count             –    –           1    –       –    –             1
						criminal cases opened for other crimes found during the operation  count             –    –           –   67     300    –           367
						  of which drug-trafficking cases                                  count             –    –           –   12     105    –           117
						  of which illicit-arms-trafficking cases                          count             –    –           –    –      12    –            12

						By stage
						Category                                                           Unit        Stage 1  Stage 2         Total
						violations of immigration law revealed                             count       100,659        –       100,659
						fines imposed                                                      AMD    1,250,000.00        –  1,250,000.00
						fines imposed                                                      USD      125,000.50        –    125,000.50
						persons on the international wanted list detained                  count            21        –            21
						criminal cases opened for organising illegal migration             count             3        –             3
						criminal cases opened for trafficking in persons                   count             1        –             1
						criminal cases opened for other crimes found during the operation  count           300       67           367
						  of which drug-trafficking cases                                  count           105       12           117
						  of which illicit-arms-trafficking cases                          count            12        –            12

						Money in US dollars
						Category              Currency  Stage        Amount  Units per USD         USD
						fines imposed         AMD           1  1,250,000.00         387.50    3,225.81
						fines imposed         USD           1    125,000.50              1  125,000.50
						fines imposed, total  USD           –             –              –  128,226.31

						Figures as of 7 October 2017, 09:00 UTC (version 4). Reports counted: 4."""
						+ "\n");
	}

	@Test
	void writesTheCouncilSummaryInRussianAsPlainTextWithRussianPluralsAndGrouping() {
		assertThat(SummaryRenderer.plainText(summary(SummaryLanguage.RU))).isEqualTo(
				nbsp("""
						Illegal 2017: итоги операции
						Координационный совет руководителей компетентных органов по противодействию нелегальной миграции

						В ходе операции:
						1. Выявлено 100~659 нарушений миграционного законодательства.
						2. Наложено штрафов на сумму более 120~000 долларов США.
						3. Задержано 21 лицо, находившееся в международном розыске.
						4. Возбуждено 3 уголовных дела по фактам организации незаконной миграции.
						5. Возбуждено 1 уголовное дело по фактам торговли людьми.
						6. Возбуждено 367 уголовных дел по иным преступлениям, выявленным в ходе операции.
						   в том числе 117 — по фактам незаконного оборота наркотиков.
						   в том числе 12 — по фактам незаконного оборота оружия.

						По государствам-членам
						Показатель                                                       Ед.           ARM  BLR         KAZ  KGZ     RUS  TJK         Всего
						выявлено нарушений миграционного законодательства                ед.             –    –      52~000    –  48~659    –       100~659
						наложено штрафов                                                 AMD  1~250~000,00    –           –    –       –    –  1~250~000,00
						наложено штрафов                                                 USD             –    –  125~000,50    –       –    –    125~000,50
						задержано лиц, находившихся в международном розыске              ед.             –    –          20    –       1    –            21
						уголовных дел по фактам организации незаконной миграции          ед.             –    –           –    –       3    –             3
						уголовных дел по фактам торговли людьми                          ед.             –    –           1    –       –    –             1
						уголовных дел по иным преступлениям, выявленным в ходе операции  ед.             –    –           –   67     300    –           367
						  в т. ч. по фактам незаконного оборота наркотиков               ед.             –    –           –   12     105    –           117
						  в т. ч. по фактам незаконного оборота оружия                   ед.             –    –           –    –      12    –            12

						По этапам
						Показатель                                                       Ед.        Этап 1  Этап 2         Всего
						выявлено нарушений миграционного законодательства                ед.       100~659       –       100~659
						наложено штрафов                                                 AMD  1~250~000,00       –  1~250~000,00
						наложено штрафов                                                 USD    125~000,50       –    125~000,50
						задержано лиц, находившихся в международном розыске              ед.            21       –            21
						уголовных дел по фактам организации незаконной миграции          ед.             3       –             3
						уголовных дел по фактам торговли людьми                          ед.             1       –             1
						уголовных дел по иным преступлениям, выявленным в ходе операции  ед.           300      67           367
						  в т. ч. по фактам незаконного оборота наркотиков               ед.           105      12           117
						  в т. ч. по фактам незаконного оборота оружия                   ед.            12       –            12

						Денежные показатели в долларах США
						Показатель               Валюта  Этап         Сумма  Курс за 1 USD   Долл. США
						наложено штрафов         AMD        1  1~250~000,00         387,50    3~225,81
						наложено штрафов         USD        1    125~000,50              1  125~000,50
						наложено штрафов, итого  USD        –             –              –  128~226,31

						Данные по состоянию на 7 октября 2017 г., 09:00 UTC (версия 4). Учтено отчётов: 4."""
						+ "\n"));
	}

	@Test
	void writesTheCouncilSummaryInRussianAsMarkdown() {
		assertThat(SummaryRenderer.markdown(summary(SummaryLanguage.RU))).isEqualTo(
				nbsp("""
						# Illegal 2017: итоги операции

						*Координационный совет руководителей компетентных органов по противодействию нелегальной миграции*

						В ходе операции:

						1. Выявлено 100~659 нарушений миграционного законодательства.
						2. Наложено штрафов на сумму более 120~000 долларов США.
						3. Задержано 21 лицо, находившееся в международном розыске.
						4. Возбуждено 3 уголовных дела по фактам организации незаконной миграции.
						5. Возбуждено 1 уголовное дело по фактам торговли людьми.
						6. Возбуждено 367 уголовных дел по иным преступлениям, выявленным в ходе операции.
						   - в том числе 117 — по фактам незаконного оборота наркотиков.
						   - в том числе 12 — по фактам незаконного оборота оружия.

						## По государствам-членам

						| Показатель | Ед. | ARM | BLR | KAZ | KGZ | RUS | TJK | Всего |
						|---|---|---:|---:|---:|---:|---:|---:|---:|
						| выявлено нарушений миграционного законодательства | ед. | – | – | 52~000 | – | 48~659 | – | 100~659 |
						| наложено штрафов | AMD | 1~250~000,00 | – | – | – | – | – | 1~250~000,00 |
						| наложено штрафов | USD | – | – | 125~000,50 | – | – | – | 125~000,50 |
						| задержано лиц, находившихся в международном розыске | ед. | – | – | 20 | – | 1 | – | 21 |
						| уголовных дел по фактам организации незаконной миграции | ед. | – | – | – | – | 3 | – | 3 |
						| уголовных дел по фактам торговли людьми | ед. | – | – | 1 | – | – | – | 1 |
						| уголовных дел по иным преступлениям, выявленным в ходе операции | ед. | – | – | – | 67 | 300 | – | 367 |
						| в т. ч. по фактам незаконного оборота наркотиков | ед. | – | – | – | 12 | 105 | – | 117 |
						| в т. ч. по фактам незаконного оборота оружия | ед. | – | – | – | – | 12 | – | 12 |

						## По этапам

						| Показатель | Ед. | Этап 1 | Этап 2 | Всего |
						|---|---|---:|---:|---:|
						| выявлено нарушений миграционного законодательства | ед. | 100~659 | – | 100~659 |
						| наложено штрафов | AMD | 1~250~000,00 | – | 1~250~000,00 |
						| наложено штрафов | USD | 125~000,50 | – | 125~000,50 |
						| задержано лиц, находившихся в международном розыске | ед. | 21 | – | 21 |
						| уголовных дел по фактам организации незаконной миграции | ед. | 3 | – | 3 |
						| уголовных дел по фактам торговли людьми | ед. | 1 | – | 1 |
						| уголовных дел по иным преступлениям, выявленным в ходе операции | ед. | 300 | 67 | 367 |
						| в т. ч. по фактам незаконного оборота наркотиков | ед. | 105 | 12 | 117 |
						| в т. ч. по фактам незаконного оборота оружия | ед. | 12 | – | 12 |

						## Денежные показатели в долларах США

						| Показатель | Валюта | Этап | Сумма | Курс за 1 USD | Долл. США |
						|---|---|---:|---:|---:|---:|
						| наложено штрафов | AMD | 1 | 1~250~000,00 | 387,50 | 3~225,81 |
						| наложено штрафов | USD | 1 | 125~000,50 | 1 | 125~000,50 |
						| наложено штрафов, итого | USD | – | – | – | 128~226,31 |

						*Данные по состоянию на 7 октября 2017 г., 09:00 UTC (версия 4). Учтено отчётов: 4.*"""
						+ "\n"));
	}

	@Test
	void writesTheCouncilSummaryAsAnHtmlDocumentInItsLanguage() {
		String html = SummaryRenderer.html(summary(SummaryLanguage.RU));

		assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"ru\">")
			.contains("<li>Возбуждено 367 уголовных дел по иным преступлениям, выявленным в ходе операции."
					+ "<ul class=\"of-which\"><li>в том числе 117 — по фактам незаконного оборота наркотиков.</li>")
			.contains("<tr class=\"of-which\"><td>в т. ч. по фактам незаконного оборота наркотиков</td>")
			.contains("<td class=\"n\">100\u00a0659</td>")
			.endsWith("</body>\n</html>\n");
	}

	@Test
	void escapesMarkupComingFromTheCatalogueInHtmlAndMarkdown() {
		Operation odd = new Operation("ILLEGAL-2017", "ILLEGAL", "<script>alert(1)</script> | *x*",
				ILLEGAL_2017.stages());
		CouncilSummary summary = CouncilSummary.of(knownTotals(), odd, CATALOGUE, SummaryLanguage.EN, null);

		assertThat(SummaryRenderer.html(summary)).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *x*");
		assertThat(SummaryRenderer.markdown(summary))
			.startsWith("# \\<script\\>alert(1)\\</script\\> \\| \\*x\\*: results of the operation\n");
	}

	@Test
	void choosesTheRussianPluralFormOfEachNumber() {
		assertThat(List.of(1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1000))
			.extracting((n) -> SummaryLanguage.RU.pluralForm(java.math.BigDecimal.valueOf(n)))
			.containsExactly("one", "few", "few", "many", "many", "many", "many", "one", "few", "many", "one", "many",
					"many", "many");
		assertThat(SummaryLanguage.EN.pluralForm(java.math.BigDecimal.ONE)).isEqualTo("one");
		assertThat(SummaryLanguage.EN.pluralForm(java.math.BigDecimal.valueOf(21))).isEqualTo("other");
	}

	@Test
	void saysSoWhenNothingIsReported() {
		CouncilTotals none = Ledgers.councilTotals(Ledgers.empty(), CATALOGUE);
		CouncilSummary summary = CouncilSummary.of(none, ILLEGAL_2017, CATALOGUE, SummaryLanguage.EN,
				Instant.parse("2017-06-03T00:00:00Z"));

		assertThat(SummaryRenderer.plainText(summary)).isEqualTo("""
				Illegal 2017: results of the operation
				Coordination council of the heads of competent authorities for countering illegal migration

				During the operation:
				No findings have been reported.

				Figures as of 3 June 2017, 00:00 UTC (version 0). Reports counted: 0.
				""");
	}

	@Test
	void namesNoInstantBeforeTheFirstReport() {
		CouncilTotals none = Ledgers.councilTotals(Ledgers.empty(), CATALOGUE);

		assertThat(
				SummaryRenderer.plainText(CouncilSummary.of(none, ILLEGAL_2017, CATALOGUE, SummaryLanguage.EN, null)))
			.endsWith("No findings have been reported.\n\nNo report has been counted yet.\n");
		assertThat(
				SummaryRenderer.plainText(CouncilSummary.of(none, ILLEGAL_2017, CATALOGUE, SummaryLanguage.RU, null)))
			.endsWith("Отчёты пока не учтены.\n");
	}

	@Test
	void saysWhetherTheFiguresAreFinalAndForWhichStatesOfEachStageInBothLanguages() {
		String[] all = { "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK" };
		RegisterDocument register = Submissions.accepted(RegisterDocument.empty("ILLEGAL-2017"), 1, all);
		register = Submissions.accepted(register, 2, "KAZ", "RUS");
		FiguresView marks = Finality.of(register, ILLEGAL_2017, List.of(all), null);

		String english = SummaryRenderer
			.plainText(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, SummaryLanguage.EN, null, marks));
		assertThat(english).startsWith(
				"""
						Illegal 2017: results of the operation
						Coordination council of the heads of competent authorities for countering illegal migration

						These figures are preliminary: the secretariat has not yet accepted every member state's figures for every stage.

						During the operation:
						""");
		assertThat(english).endsWith("""

				Stage 1: final for every member state.
				Stage 2: final for KAZ, RUS; preliminary for ARM, BLR, KGZ, TJK.

				Figures as of 7 October 2017, 09:00 UTC (version 4). Reports counted: 4.
				""");

		String russian = SummaryRenderer
			.markdown(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, SummaryLanguage.RU, null, marks));
		assertThat(russian)
			.contains("**Данные предварительные: секретариат ещё не принял данные всех "
					+ "государств-членов по всем этапам.**\n")
			.contains("- Этап 1: данные окончательные по всем государствам-членам.\n"
					+ "- Этап 2: окончательные — KAZ, RUS; предварительные — ARM, BLR, KGZ, TJK.\n");

		String html = SummaryRenderer
			.html(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, SummaryLanguage.EN, null, Finality
				.of(Submissions.accepted(register, 2, "ARM", "BLR", "KGZ", "TJK"), ILLEGAL_2017, List.of(all), null)));
		assertThat(html).contains("<p class=\"finality\"><strong>These figures are final: the secretariat has "
				+ "accepted every member state&#39;s figures for every stage.</strong></p>");
	}

	@Test
	void saysNothingOfFinalityWithoutMarks() {
		assertThat(SummaryRenderer.plainText(summary(SummaryLanguage.EN))).doesNotContain("final")
			.doesNotContain("preliminary");
	}

	@Test
	void saysMoneyInUsDollarsAsMoreThanTheRoundFigureBelowTheExactTotal() {
		// 1,250,000.00 AMD / 387.50 = 3,225.81; + 125,000.50 USD = 128,226.31
		assertThat(SummaryRenderer.plainText(summary(SummaryLanguage.EN)))
			.contains("2. Fines of more than 120,000 US dollars were imposed.\n")
			.contains("fines imposed, total  USD")
			.contains("128,226.31\n");
		assertThat(item(register(rate("1250000.00")), SummaryLanguage.EN))
			.isEqualTo("Fines of more than 120,000 US dollars were imposed.");
	}

	@Test
	void writesTheMoreThanFigureInMillionsAndBillionsInBothLanguages() {
		// 1,250,000.00 AMD / 0.145193878 = 8,609,178.41; + 125,000.50 USD = 8,734,178.91
		RegisterDocument millions = register(rate("0.145193878"));
		String amdInUsd = UsdConversion.convert(new BigDecimal("1250000.00"), new BigDecimal("0.145193878"))
			.toPlainString();
		assertThat(amdInUsd).isEqualTo("8609178.41");
		assertThat(item(millions, SummaryLanguage.EN))
			.isEqualTo("Fines of more than 8.7 million US dollars were imposed.");
		assertThat(item(millions, SummaryLanguage.RU))
			.isEqualTo(nbsp("Наложено штрафов на сумму более 8,7 млн долларов США."));
		// 1,250,000.00 AMD / 0.001 = 1,250,000,000.00; + 125,000.50 USD
		RegisterDocument billions = register(rate("0.001"));
		assertThat(item(billions, SummaryLanguage.EN))
			.isEqualTo("Fines of more than 1.2 billion US dollars were imposed.");
		assertThat(item(billions, SummaryLanguage.RU))
			.isEqualTo(nbsp("Наложено штрафов на сумму более 1,2 млрд долларов США."));
		assertThat(SummaryLanguage.RU.usd(new BigDecimal("999999.99"))).isEqualTo(nbsp("более 990~000 долларов США"));
		assertThat(SummaryLanguage.EN.usd(new BigDecimal("8000000.00"))).isEqualTo("more than 7.9 million US dollars");
		assertThat(SummaryLanguage.EN.usd(new BigDecimal("734.20"))).isEqualTo("734.20 US dollars");
		assertThat(SummaryLanguage.RU.usd(new BigDecimal("734.20"))).isEqualTo("734,20 доллара США");
	}

	@Test
	void namesTheMissingRatesAndGivesTheCurrenciesInsteadOfATotal() {
		RegisterDocument none = RegisterDocument.empty("ILLEGAL-2017");

		assertThat(item(none, SummaryLanguage.EN))
			.isEqualTo("Fines of 1,250,000.00 AMD and 125,000.50 USD were imposed. "
					+ "No total in US dollars: no exchange rate for AMD (stage 1).");
		assertThat(item(none, SummaryLanguage.RU))
			.isEqualTo(nbsp("Наложено штрафов на сумму 1~250~000,00 AMD и 125~000,50 USD. "
					+ "Итог в долларах США не подсчитан: нет курса для AMD (этап 1)."));
		String text = SummaryRenderer
			.plainText(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, none, SummaryLanguage.EN, null));
		assertThat(text).contains("fines imposed         AMD           1  1,250,000.00        no rate           –\n")
			.contains("fines imposed, total  USD           –             –              –  incomplete\n");
	}

	@Test
	void usesTheRatesInForceAtTheInstantAskedFor() {
		RegisterDocument corrected = register(rate("387.50"))
			.withRate(new ExchangeRate(1, "AMD", new BigDecimal("0.001"), RateKind.PERIOD_AVERAGE, "corrected",
					LocalDate.parse("2017-06-01"), RATES_SET.plusSeconds(60), "secretariat"));

		assertThat(SummaryRenderer.plainText(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, corrected,
				SummaryLanguage.EN, RATES_SET.plusSeconds(59))))
			.contains("2. Fines of more than 120,000 US dollars were imposed.");
		assertThat(SummaryRenderer.plainText(CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, corrected,
				SummaryLanguage.EN, RATES_SET.plusSeconds(60))))
			.contains("2. Fines of more than 1.2 billion US dollars were imposed.");
	}

	private static String item(RegisterDocument register, SummaryLanguage language) {
		return CouncilSummary.of(knownTotals(), ILLEGAL_2017, CATALOGUE, register, language, null)
			.items()
			.get(1)
			.text();
	}

	private static ExchangeRate rate(String unitsPerUsd) {
		return new ExchangeRate(1, "AMD", new BigDecimal(unitsPerUsd), RateKind.PERIOD_AVERAGE,
				"UN operational rate, June 2017", LocalDate.parse("2017-06-01"), RATES_SET, "secretariat");
	}

	private static RegisterDocument register(ExchangeRate rate) {
		return RegisterDocument.empty("ILLEGAL-2017").withRate(rate);
	}

	private static CouncilSummary summary(SummaryLanguage language) {
		CouncilTotals totals = knownTotals();
		assertThat(totals.getUpdatedAt()).isEqualTo(STANDS_AT);
		// the marks (FINAL, PRELIMINARY) are left out here:
		// saysWhetherTheFiguresAreFinal… covers them
		return CouncilSummary.of(totals, ILLEGAL_2017, CATALOGUE, register(rate("387.50")), language, null, null);
	}

	private static String nbsp(String text) {
		return text.replace('~', '\u00a0');
	}

	static CouncilTotals knownTotals() {
		List<ReportRevision> reports = List.of(
				illegal2017("KAZ", "KAZ-1").setFindings(
						List.of(count("IMMIGRATION_LAW_VIOLATIONS", 52000), money("FINES_IMPOSED", "125000.50", "USD"),
								count("WANTED_PERSONS_DETAINED", 20), count("CASES_HUMAN_TRAFFICKING", 1)))
					.build(),
				illegal2017("RUS", "RUS-1").setAgency("MIGRATION")
					.setSubmittedAt(Instant.parse("2017-06-04T10:15:00Z"))
					.setFindings(
							List.of(count("IMMIGRATION_LAW_VIOLATIONS", 48659), count("WANTED_PERSONS_DETAINED", 1),
									count("CASES_ORGANIZING_ILLEGAL_MIGRATION", 3), count("CASES_OTHER_CRIMES", 300),
									count("CASES_DRUG_TRAFFICKING", 105), count("CASES_ARMS_TRAFFICKING", 12)))
					.build(),
				illegal2017("ARM", "ARM-1").setFindings(List.of(money("FINES_IMPOSED", "1250000", "AMD"))).build(),
				illegal2017Stage2("KGZ", "KGZ-1").setSubmittedAt(Instant.parse("2017-10-07T09:00:00Z"))
					.setFindings(List.of(count("CASES_OTHER_CRIMES", 67), count("CASES_DRUG_TRAFFICKING", 12)))
					.build());
		return totals(reports);
	}

	static CouncilTotals totals(List<ReportRevision> reports) {
		try (DrivenLedgers ledgers = new DrivenLedgers(CATALOGUE)) {
			reports.forEach(ledgers::record);
			return Ledgers.councilTotals(ledgers.ledger("ILLEGAL-2017").orElseThrow(), CATALOGUE);
		}
	}

}
