package org.jointops.aggregator.rates;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.approval.RegisterStandIn;
import org.jointops.aggregator.register.RegisterChanges;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.register.RegisterDocument;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.testsupport.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The rates API's web layer: who may set and read rates, what is refused (then nothing is
 * written), and what a rate set answers. The register's writer is a stand-in that applies
 * each change to {@link RegisterStandIn} at a known instant; writing to
 * {@code council.register} is tested on a real broker
 * ({@code ExchangeRatesIntegrationTests}).
 */
@WebMvcTest(controllers = ExchangeRatesController.class,
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@Import({ ExchangeRatesApiTests.Config.class, SecurityConfiguration.class })
class ExchangeRatesApiTests {

	private static final String RATE = "/api/v1/admin/operations/ILLEGAL-2017/rates/";

	private static final String RATES = "/api/v1/operations/ILLEGAL-2017/rates";

	private static final String KZT = """
			{"unitsPerUsd": "320.75", "source": "UN operational rate, June 2017", "effective": "2017-06-01"}""";

	static final Instant FIRST = Instant.parse("2026-01-10T10:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RegisterStandIn register;

	@MockitoBean
	RegisterChanges changes;

	private final AtomicInteger made = new AtomicInteger();

	@BeforeEach
	@SuppressWarnings("unchecked")
	void changesApplyToTheStandIn() {
		this.register.clear();
		given(this.changes.change(eq("ILLEGAL-2017"), any(), any())).willAnswer((invocation) -> {
			BiFunction<RegisterDocument, Instant, RegisterDocument> change = invocation.getArgument(2);
			RegisterDocument next = change.apply(this.register.of("ILLEGAL-2017"),
					FIRST.plusSeconds(60L * this.made.getAndIncrement()));
			this.register.set(next);
			return next;
		});
	}

	@Test
	void onlyTheSecretariatSetsRatesAndObserversDoNotReadThem() {
		assertThat(this.mvc.put().uri(RATE + "1/KZT").contentType(MediaType.APPLICATION_JSON).content(KZT))
			.hasStatus(401);
		for (String reader : List.of(Credentials.STATE_KAZ, Credentials.OBSERVER)) {
			assertThat(put(reader, RATE + "1/KZT", KZT)).as(reader).hasStatus(403);
		}
		verify(this.changes, never()).change(any(), any(), any());
		assertThat(get(Credentials.SECRETARIAT, RATES)).hasStatusOk();
		assertThat(get(Credentials.STATE_KAZ, RATES)).hasStatusOk();
		assertThat(get(Credentials.OBSERVER, RATES)).hasStatus(403);
		assertThat(this.mvc.get().uri(RATES)).hasStatus(401);
	}

	@Test
	void refusesAnInvalidRateNamingEachFieldAndWritesNothing() {
		MvcTestResult result = put(Credentials.SECRETARIAT, RATE + "3/kzt", """
				{"unitsPerUsd": "-1", "kind": "DAILY", "source": "  "}""");

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"type": "urn:jointops:problem:invalid-exchange-rate", "status": 400, "errors": [
							  {"field": "stage", "reason": "ILLEGAL-2017 has no stage 3; its stages are [1, 2]"},
							  {"field": "currency", "reason": "'kzt' is not an ISO 4217 currency code in upper case (e.g. KZT, RUB)"},
							  {"field": "unitsPerUsd", "reason": "must be positive, not -1"},
							  {"field": "kind", "reason": "'DAILY' is not a kind of rate: PERIOD_AVERAGE (the default) or END_OF_PERIOD"},
							  {"field": "source", "reason": "is required: where the rate comes from, e.g. \\"UN operational rate, June 2017\\""},
							  {"field": "effective", "reason": "is required: the date the rate is for (ISO 8601, e.g. 2017-06-01; a period's first day for an average)"}]}""");
		verify(this.changes, never()).change(any(), any(), any());
	}

	@Test
	void refusesRatesThatAreNotExactPositiveDecimalsAndUsDollarsThemselves() {
		assertRefused(RATE + "1/USD", KZT, "currency",
				"USD needs no rate: amounts in US dollars are counted as they are");
		assertRefused(RATE + "1/XYZ", KZT, "currency",
				"'XYZ' is not an ISO 4217 currency code in upper case (e.g. KZT, RUB)");
		assertRefused(RATE + "one/KZT", KZT, "stage", "must be a stage number, not 'one'");
		assertRefused(RATE + "1/KZT", KZT.replace("\"320.75\"", "0"), "unitsPerUsd", "must be positive, not 0");
		assertRefused(RATE + "1/KZT", KZT.replace("\"320.75\"", "\"1.0000000000001\""), "unitsPerUsd",
				"at most 12 decimals");
		assertRefused(RATE + "1/KZT", KZT.replace("\"320.75\"", "\"3,20\""), "unitsPerUsd",
				"'3,20' is not a decimal number");
		assertRefused(RATE + "1/KZT", KZT.replace("\"320.75\"", "true"), "unitsPerUsd",
				"'true' is not a decimal number");
		assertRefused(RATE + "1/KZT", KZT.replace("\"320.75\"", "1e999999999"), "unitsPerUsd",
				"at most 15 digits before the point");
		assertRefused(RATE + "1/KZT", KZT.replace("2017-06-01", "2017-06-31"), "effective",
				"'2017-06-31' is not a date (ISO 8601, e.g. 2017-06-01)");
		assertRefused(RATE + "1/KZT", KZT.replace("UN operational rate, June 2017", "x".repeat(201)), "source",
				"at most 200 characters");
		MvcTestResult notARate = put(Credentials.SECRETARIAT, RATE + "1/KZT", KZT.replace("\"320.75\"", "{}"));
		assertThat(notARate).hasStatus(400);
		assertThat(notARate).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitsPerUsd");
		assertThat(put(Credentials.SECRETARIAT, "/api/v1/admin/operations/ILLEGAL-2099/rates/1/KZT", KZT))
			.hasStatus(404);
		verify(this.changes, never()).change(any(), any(), any());
	}

	@Test
	void recordsARateExactlyAndACorrectionAsANewEntryKeepingTheHistory() {
		MvcTestResult set = put(Credentials.SECRETARIAT, RATE + "1/KZT", KZT);
		assertThat(set).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
		assertThat(set).bodyJson().isStrictlyEqualTo("""
				{"operation": "ILLEGAL-2017", "version": 1, "changedAt": "2026-01-10T10:00:00Z",
				 "changedBy": "secretariat",
				 "rate": {"stage": 1, "currency": "KZT", "unitsPerUsd": 320.75, "kind": "PERIOD_AVERAGE",
				          "source": "UN operational rate, June 2017", "effective": "2017-06-01",
				          "recordedAt": "2026-01-10T10:00:00Z", "recordedBy": "secretariat"}}""");
		assertThat(put(Credentials.SECRETARIAT, RATE + "1/KZT", KZT)).as("the same rate again changes nothing")
			.bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);

		// a JSON number, read exactly (20 significant digits: no double holds them)
		MvcTestResult corrected = put(Credentials.SECRETARIAT, RATE + "1/KZT",
				KZT.replace("\"320.75\"", "12345678.123456789012").replace("June", "July"));
		assertThat(corrected).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
		assertThat(corrected).bodyText().contains("\"unitsPerUsd\":12345678.123456789012,");

		assertThat(get(Credentials.STATE_KAZ, RATES)).hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"2\"")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"operation": "ILLEGAL-2017", "version": 2, "rates": [
					  {"stage": 1, "currency": "KZT",
					   "inForce": {"unitsPerUsd": 12345678.123456789012, "source": "UN operational rate, July 2017",
					               "recordedAt": "2026-01-10T10:02:00Z"},
					   "history": [{"unitsPerUsd": 320.75, "recordedAt": "2026-01-10T10:00:00Z"},
					               {"unitsPerUsd": 12345678.123456789012, "recordedAt": "2026-01-10T10:02:00Z"}]}]}""");
		assertThat(get(Credentials.SECRETARIAT, RATES + "?asOf=2026-01-10T10:01:00Z")).bodyJson().isLenientlyEqualTo("""
				{"asOf": "2026-01-10T10:01:00Z", "rates": [
				  {"stage": 1, "currency": "KZT", "inForce": {"unitsPerUsd": 320.75},
				   "history": [{"unitsPerUsd": 320.75}]}]}""");
		assertThat(get(Credentials.SECRETARIAT, RATES + "?asOf=2026-01-10T09:00:00Z")).bodyJson()
			.extractingPath("$.rates")
			.asArray()
			.isEmpty();
	}

	@Test
	void takesTheKindAndAnswersTheRatesOfAnOperationWithoutAny() {
		assertThat(put(Credentials.SECRETARIAT, RATE + "2/RUB", """
				{"unitsPerUsd": 59.1, "kind": "end_of_period", "source": "Central bank", "effective": "2017-10-05"}"""))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.rate.kind")
			.isEqualTo("END_OF_PERIOD");
		assertThat(get(Credentials.SECRETARIAT, "/api/v1/operations/ILLEGAL-DEMO/rates")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"operation": "ILLEGAL-DEMO", "version": 0, "rates": []}""");
		assertThat(get(Credentials.SECRETARIAT, "/api/v1/operations/ILLEGAL-2099/rates")).hasStatus(404);
	}

	private void assertRefused(String uri, String body, String field, String reason) {
		MvcTestResult result = put(Credentials.SECRETARIAT, uri, body);
		assertThat(result).as(uri + " " + body).hasStatus(400);
		assertThat(result).bodyJson()
			.as(uri + " " + body)
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"" + field + "\", \"reason\": \""
					+ reason.replace("\"", "\\\"") + "\"}]}");
	}

	private MvcTestResult put(String reader, String uri, String body) {
		return this.mvc.put()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(reader))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String reader, String uri) {
		return this.mvc.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Credentials.readerToken(reader))
			.exchange();
	}

	@TestConfiguration
	static class Config {

		@Bean
		CurrentCatalogue catalogue() {
			return CurrentCatalogue.fixed(CatalogueLoader.bundled());
		}

		@Bean
		RegisterStandIn register() {
			return new RegisterStandIn();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
