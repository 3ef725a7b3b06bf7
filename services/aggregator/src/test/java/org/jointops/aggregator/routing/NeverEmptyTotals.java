package org.jointops.aggregator.routing;

import org.jointops.testsupport.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assertion every routed answer of totals must pass: an operation that has reports is
 * never answered with version 0, no reports or zero totals, whichever instance is asked;
 * it is answered with its figures or not at all (503).
 */
final class NeverEmptyTotals {

	private NeverEmptyTotals() {
	}

	/**
	 * Checks an answer of {@code /api/v1/operations/{operation}/totals}.
	 * @param response the answer
	 * @param what what was asked, for the failure message
	 */
	static void check(Http.Response response, String what) {
		if (response.status() == 503) {
			assertThat(response.header("Retry-After")).as(what + ": a 503 says when to retry").isNotNull();
			return;
		}
		assertThat(response.status()).as(what).isEqualTo(200);
		JsonNode totals = response.json();
		assertThat(totals.path("version").asLong()).as(what + ": version of an operation that has reports")
			.isPositive();
		assertThat(totals.path("reports").asLong()).as(what + ": reports that count").isPositive();
		assertThat(totals.path("totals").isEmpty()).as(what + ": lines of an operation that has reports").isFalse();
		for (JsonNode line : totals.path("totals")) {
			assertThat(line.path("total").decimalValue().signum()).as(what + ": " + line).isNotZero();
		}
	}

}
