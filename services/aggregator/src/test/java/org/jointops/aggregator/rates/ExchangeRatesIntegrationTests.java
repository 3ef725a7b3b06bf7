package org.jointops.aggregator.rates;

import java.time.Duration;
import java.util.List;

import org.jointops.aggregator.AggregatorOnRealBroker;
import org.jointops.aggregator.FindingsTopics;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.EmbeddedKafkaNode;
import org.jointops.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointops.testsupport.Reports.illegal2017;
import static org.jointops.testsupport.Reports.money;

/**
 * Exchange rates over real HTTP against the aggregator on a real broker: the secretariat
 * sets rates (written to {@code council.register}), reports in two currencies make a
 * council total in US dollars, a correction restates it, and the totals as of an instant
 * before the correction keep the rate in force then.
 */
@AggregatorOnRealBroker(properties = "spring.kafka.streams.properties.commit.interval.ms=50")
@Import(FindingsTopics.KazakhstanAndRussia.class)
class ExchangeRatesIntegrationTests {

	private static final String OP = "/api/v1/operations/ILLEGAL-2017";

	private static final String RATE = "/api/v1/admin/operations/ILLEGAL-2017/rates/1/";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaNode kafka;

	@Test
	void aRateCorrectionRestatesTheUsDollarTotalAndAsOfKeepsTheRateInForceThen() throws Exception {
		assertThat(set(Credentials.OBSERVER, "KZT", "320.75", "\"0\"").status()).isEqualTo(403);
		Http.Response kzt = set(Credentials.SECRETARIAT, "KZT", "320.75", "\"0\"");
		assertThat(kzt.status()).as(kzt.body()).isEqualTo(200);
		assertThat(kzt.header("ETag")).isEqualTo("\"1\"");
		Http.Response rub = set(Credentials.SECRETARIAT, "RUB", "58.20", null);
		assertThat(rub.header("ETag")).isEqualTo("\"2\"");
		String beforeCorrection = rub.json().path("changedAt").asString();

		this.kafka.publish(
				illegal2017("KAZ", "KAZ-F1").setFindings(List.of(money("FINES_IMPOSED", "52000000", "KZT"))).build());
		this.kafka.publish(
				illegal2017("RUS", "RUS-F1").setFindings(List.of(money("FINES_IMPOSED", "95400000", "RUB"))).build());
		// 52,000,000.00 KZT / 320.75 = 162,120.03; 95,400,000.00 RUB / 58.20 =
		// 1,639,175.26
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(usdTotal(totals(""))).isEqualTo("reports 2, total 1801295.29, complete"));

		Http.Response stale = set(Credentials.SECRETARIAT, "KZT", "321.00", "\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(2);
		Http.Response corrected = set(Credentials.SECRETARIAT, "KZT", "321.00", "\"2\"");
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.header("ETag")).isEqualTo("\"3\"");

		// 52,000,000.00 KZT / 321.00 = 161,993.77, answered once applied
		assertThat(usdTotal(totals(""))).isEqualTo("reports 2, total 1801169.03, complete");
		assertThat(usdTotal(totals("?asOf=" + beforeCorrection))).isEqualTo("reports 2, total 1801295.29, complete");
		assertThat(Http.getWith(Credentials.readerToken(Credentials.SECRETARIAT), url(OP + "/summary"), "text/plain")
			.body()).contains("1. Fines of more than 1.8 million US dollars were imposed.");
		JsonNode rates = Http.getAs(Credentials.STATE_KAZ, url(OP + "/rates")).json();
		assertThat(rates.at("/rates/0/history").findValuesAsString("source")).hasSize(2);
		assertThat(rates.at("/rates/0/inForce/unitsPerUsd").decimalValue()).isEqualByComparingTo("321.00");
	}

	private JsonNode totals(String query) {
		Http.Response totals = Http.getAs(Credentials.SECRETARIAT, url(OP + "/totals" + query));
		assertThat(totals.status()).as(totals.body()).isEqualTo(200);
		return totals.json();
	}

	private static String usdTotal(JsonNode totals) {
		JsonNode fines = totals.at("/usdTotals/0");
		return "reports " + totals.path("reports").asLong() + ", total " + fines.path("total").asString() + ", "
				+ (fines.path("complete").asBoolean() ? "complete" : "incomplete " + fines.path("missing"));
	}

	private Http.Response set(String reader, String currency, String unitsPerUsd, String ifMatch) {
		String body = "{\"unitsPerUsd\": \"" + unitsPerUsd + "\", \"source\": \"UN operational rate, June 2017\", "
				+ "\"effective\": \"2017-06-01\"}";
		String[] headers = (ifMatch != null) ? new String[] { "If-Match", ifMatch } : new String[0];
		return Http.requestWith(Credentials.readerToken(reader), "PUT", url(RATE + currency), body, headers);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
