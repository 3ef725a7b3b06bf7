package org.jointops.bench.run;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jointops.bench.data.ExpectedTotals;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.process.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * Whether an aggregator's HTTP API answers exactly the expected totals for every
 * operation of a shape: first the operations list ({@code GET /api/v1/operations}, one
 * request), then, once every report count agrees, each operation's totals, cell by cell.
 * Read as the secretariat, through the public API only.
 */
final class TotalsCheck {

	private final ExpectedTotals expected;

	private final Map<Integer, Map<String, Long>> cells = new HashMap<>();

	TotalsCheck(ExpectedTotals expected) {
		this.expected = expected;
	}

	/**
	 * Asks the aggregator.
	 * @param aggregator the instance
	 * @return true if every operation's totals are exact; false if any differs, or the
	 * instance does not answer
	 */
	boolean exact(ServiceProcess aggregator) {
		try {
			Http.Response list = Http.getAs(Credentials.SECRETARIAT, aggregator.url("/api/v1/operations"));
			if (list.status() != 200) {
				return false;
			}
			Map<String, Long> reports = new HashMap<>();
			for (JsonNode entry : list.json().get("operations")) {
				reports.put(entry.get("operation").asString(), entry.get("reports").asLong());
			}
			for (int operation = 0; operation < this.expected.operations(); operation++) {
				if (reports.getOrDefault(this.expected.code(operation), 0L) != this.expected.reports(operation)) {
					return false;
				}
			}
			for (int operation = 0; operation < this.expected.operations(); operation++) {
				if (!exact(aggregator, operation)) {
					return false;
				}
			}
			return true;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * How far an aggregator that is not exact has got, as its API and health tell.
	 * @param aggregator the instance
	 * @return e.g. {@code reports counted 1,234 of 20,918; last stream-thread error: …}
	 */
	String progress(ServiceProcess aggregator) {
		StringBuilder progress = new StringBuilder();
		try {
			Http.Response list = Http.getAs(Credentials.SECRETARIAT, aggregator.url("/api/v1/operations"));
			if (list.status() == 200) {
				Map<String, Long> reports = new HashMap<>();
				for (JsonNode entry : list.json().get("operations")) {
					reports.put(entry.get("operation").asString(), entry.get("reports").asLong());
				}
				long counted = 0;
				long expected = 0;
				for (int operation = 0; operation < this.expected.operations(); operation++) {
					counted += reports.getOrDefault(this.expected.code(operation), 0L);
					expected += this.expected.reports(operation);
				}
				progress.append(String.format(Locale.ROOT, "reports counted %,d of %,d", counted, expected));
			}
			Http.Response health = Http.getWith(Credentials.MONITORING_TOKEN, aggregator.url("/actuator/health"));
			JsonNode error = health.json().findValue("lastThreadError");
			if (error != null && !error.isNull()) {
				progress.append((progress.length() > 0) ? "; " : "")
					.append("last stream-thread error: ")
					.append(error.asString());
			}
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			progress.append("the aggregator did not answer");
		}
		return progress.toString();
	}

	private boolean exact(ServiceProcess aggregator, int operation) {
		Http.Response answer = Http.getAs(Credentials.SECRETARIAT,
				aggregator.url("/api/v1/operations/" + this.expected.code(operation) + "/totals"));
		if (answer.status() != 200) {
			return false;
		}
		JsonNode body = answer.json();
		if (body.get("reports").asLong() != this.expected.reports(operation)) {
			return false;
		}
		Map<String, Long> actual = new TreeMap<>();
		for (JsonNode line : body.get("totals")) {
			String category = line.get("category").asString();
			put(actual, category + " total", line.get("total"));
			line.get("byState")
				.properties()
				.forEach((cell) -> put(actual, category + " state=" + cell.getKey(), cell.getValue()));
			line.get("byStage")
				.properties()
				.forEach((cell) -> put(actual, category + " stage=" + cell.getKey(), cell.getValue()));
		}
		return actual.equals(this.cells.computeIfAbsent(operation, this.expected::cells));
	}

	private static void put(Map<String, Long> cells, String key, JsonNode value) {
		long figure = value.decimalValue().longValueExact();
		if (figure != 0) {
			cells.put(key, figure);
		}
	}

}
