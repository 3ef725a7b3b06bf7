package org.jointops.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./local-stack --demo} does: the demo's totals are exact, and a restart on
 * the same data directory shows the same totals, even after the demo posts everything
 * again.
 */
class LocalStackIntegrationTests {

	@TempDir
	Path data;

	@Test
	void demoPrintsExactTotalsAndARestartKeepsThem() {
		LocalStack.Settings settings = TestStacks.settings(this.data);
		JsonNode first;
		String printed;
		try (LocalStack stack = LocalStack.start(settings)) {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			first = stack.runDemo(new PrintStream(output, true, StandardCharsets.UTF_8));
			printed = output.toString(StandardCharsets.UTF_8);
		}

		// 412 + 1,208 + (5,230 + 3,114) + 860 + (48,720 corrected + 39,070) + 2,045
		// (revision 2 stands)
		assertThat(first.at("/totals/0/total").decimalValue()).isEqualByComparingTo("100659");
		assertThat(first.path("reports").asLong())
			.as("16 posts, 11 reports: one duplicate, one withdrawn, " + "one correction, one late revision")
			.isEqualTo(11);
		assertThat(fines(first, "RUB").path("total").decimalValue()).isEqualByComparingTo("95400000.00");
		assertThat(fines(first, "BYN").isMissingNode()).as("the only BYN fine was withdrawn").isTrue();
		// the dataset's rates, converted here on their own: per stage and currency, cents
		// half-even, then summed (docs/exchange-rates.md)
		assertThat(first.at("/usdTotals/0/total").decimalValue()).isEqualByComparingTo(usd(first,
				Map.of("1/AMD", "386.50", "1/KZT", "512.40", "1/RUB", "79.85", "1/TJS", "9.42", "2/KGS", "87.45")));
		assertThat(first.at("/usdTotals/0/complete").asBoolean()).isTrue();
		assertThat(first.at("/figures/status").asString()).isEqualTo("PRELIMINARY");
		assertThat(printed)
			.contains("Fines imposed: "
					+ String.format(java.util.Locale.ROOT, "%,.2f", first.at("/usdTotals/0/total").decimalValue())
					+ " US dollars at the secretariat's rates")
			.contains("\nFigures PRELIMINARY (final: KAZ stage 1)\n")
			.contains("  submitted by KAZ: 200")
			.contains("  accepted by the secretariat: 200")
			.contains("Published as publication 1 (PRELIMINARY)");
		assertThat(printed).contains("100,659")
			.contains("  of which drug-trafficking cases")
			.contains("11 reports counted")
			.contains("Dashboard         " + "http://localhost:" + settings.aggregatorPort()
					+ "/dashboard/?operation=ILLEGAL-DEMO");

		try (LocalStack restarted = LocalStack.start(settings)) {
			String totals = restarted.aggregatorUrl() + "/api/v1/operations/ILLEGAL-DEMO/totals";
			AgencyCredentials credentials = restarted.credentials();
			JsonNode afterRestart = Http.getWith(credentials.readerToken(AgencyCredentials.SECRETARIAT), totals).json();
			assertThat(Http.get(totals).status()).as("no token").isEqualTo(401);
			JsonNode observed = Http.getWith(credentials.readerToken(AgencyCredentials.OBSERVER), totals).json();
			assertThat(observed.at("/publication/number").asInt()).as("an observer reads the publication").isEqualTo(1);
			assertThat(((ObjectNode) observed.deepCopy()).without("publication"))
				.as("the publication's figures are the totals as published")
				.isEqualTo(first);
			String reports = restarted.aggregatorUrl() + "/api/v1/operations/ILLEGAL-DEMO/reports";
			assertThat(Http.getWith(credentials.readerToken(AgencyCredentials.OBSERVER), reports).status())
				.isEqualTo(403);
			assertThat(Http.getWith(credentials.readerToken(credentials.stateReader()), reports)
				.json()
				.findValuesAsString("state")).as("a state reads its own reports only")
				.isNotEmpty()
				.containsOnly(credentials.readerState());
			assertThat(afterRestart).isEqualTo(first);

			JsonNode afterSecondDemo = restarted
				.runDemo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			assertThat(afterSecondDemo).as("every revision again: all duplicates, or refused for the accepted stage")
				.isEqualTo(first);
		}
	}

	private static BigDecimal usd(JsonNode totals, Map<String, String> rates) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode line : totals.path("totals")) {
			if (line.path("category").asString().equals("FINES_IMPOSED")) {
				for (String stage : line.path("byStage").propertyNames()) {
					BigDecimal rate = new BigDecimal(rates.get(stage + "/" + line.path("currency").asString()));
					sum = sum
						.add(line.path("byStage").path(stage).decimalValue().divide(rate, 2, RoundingMode.HALF_EVEN));
				}
			}
		}
		return sum;
	}

	private static JsonNode fines(JsonNode totals, String currency) {
		for (JsonNode line : totals.path("totals")) {
			if (line.path("category").asString().equals("FINES_IMPOSED")
					&& line.path("currency").asString().equals(currency)) {
				return line;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
