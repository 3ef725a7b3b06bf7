package org.jointops.system.observe;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jointops.system.oracle.Totals;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.TopicReader;
import org.jointops.totals.CouncilTotals;
import org.jointops.totals.TotalLine;
import org.jointops.wire.Topics;
import tools.jackson.databind.JsonNode;

/**
 * What the aggregator answers, in the oracle's canonical form: its HTTP API, and the
 * latest committed record per operation on {@code council.totals}.
 */
public final class Answers {

	/** Which instance's store answered (the aggregator's routing header). */
	static final String SERVED_BY = "Jointops-Served-By";

	/** How far behind the standby replica that answered was. */
	static final String STANDBY_LAG = "Jointops-Standby-Lag";

	private Answers() {
	}

	/**
	 * The totals the aggregator's API gives for an operation, with their version.
	 * @param aggregatorUrl e.g. {@code http://127.0.0.1:8080}
	 * @param operation operation code
	 * @return the totals, or null when the instance does not answer 200
	 */
	public static Versioned fromApi(String aggregatorUrl, String operation) {
		return ask(aggregatorUrl, operation).totals();
	}

	/**
	 * Asks an aggregator instance for an operation's totals, as the secretariat would.
	 * @param aggregatorUrl e.g. {@code http://10.77.0.7:8080}
	 * @param operation operation code
	 * @return the answer: its status, the totals of a 200, and which instance gave them
	 */
	public static Answer ask(String aggregatorUrl, String operation) {
		Http.Response response = Http.getAs(Credentials.SECRETARIAT,
				aggregatorUrl + "/api/v1/operations/" + operation + "/totals");
		if (response.status() != 200) {
			String detail = response.body().contains("\"detail\"") ? response.json().path("detail").asString()
					: response.body();
			return new Answer(response.status(), null, null, null, detail);
		}
		JsonNode body = response.json();
		Totals.Builder totals = Totals.builder().reports(body.get("reports").asLong());
		for (JsonNode line : body.get("totals")) {
			String category = line.get("category").asString();
			String currency = line.hasNonNull("currency") ? line.get("currency").asString() : null;
			totals.cell(operation, category, currency, "total", line.get("total").decimalValue());
			line.get("byState")
				.properties()
				.forEach((cell) -> totals.cell(operation, category, currency, "state=" + cell.getKey(),
						cell.getValue().decimalValue()));
			line.get("byStage")
				.properties()
				.forEach((cell) -> totals.cell(operation, category, currency, "stage=" + cell.getKey(),
						cell.getValue().decimalValue()));
		}
		String lag = response.header(STANDBY_LAG);
		return new Answer(200, new Versioned(body.get("version").asLong(), totals.build()), response.header(SERVED_BY),
				(lag != null) ? Long.valueOf(lag) : null, null);
	}

	/**
	 * The latest committed totals per operation on {@code council.totals}, with their
	 * versions.
	 * @param client bootstrap servers and security settings
	 * @return operation to totals
	 */
	public static Map<String, Versioned> fromCouncilTotalsTopic(Map<String, Object> client) {
		Map<String, CouncilTotals> latest = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(client, Topics.COUNCIL_TOTALS,
				new StringDeserializer(), new ByteArrayDeserializer())) {
			CouncilTotals totals = decode(record.value());
			latest.merge(record.key(), totals,
					(known, read) -> (read.getVersion() > known.getVersion()) ? read : known);
		}
		Map<String, Versioned> result = new LinkedHashMap<>();
		latest.forEach(
				(operation, totals) -> result.put(operation, new Versioned(totals.getVersion(), canonical(totals))));
		return result;
	}

	static CouncilTotals decode(byte[] value) {
		try {
			return CouncilTotals.getDecoder().decode(value);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Undecodable record on " + Topics.COUNCIL_TOTALS, ex);
		}
	}

	static Totals canonical(CouncilTotals record) {
		Totals.Builder totals = Totals.builder().reports(record.getReports());
		String operation = record.getOperation();
		for (TotalLine line : record.getLines()) {
			totals.cell(operation, line.getCategory(), line.getCurrency(), "total", line.getTotal());
			cells(totals, operation, line, "state=", line.getByState());
			cells(totals, operation, line, "stage=", line.getByStage());
		}
		return totals.build();
	}

	private static void cells(Totals.Builder totals, String operation, TotalLine line, String prefix,
			Map<String, BigDecimal> values) {
		values.forEach(
				(key, value) -> totals.cell(operation, line.getCategory(), line.getCurrency(), prefix + key, value));
	}

	/**
	 * An instance's answer to a query of totals.
	 *
	 * @param status the HTTP status
	 * @param totals the totals of a 200, otherwise null
	 * @param servedBy the instance whose store answered ({@code Jointops-Served-By})
	 * @param standbyLag how far behind a standby replica that answered was
	 * ({@code Jointops-Standby-Lag}), null for an active store
	 * @param detail why an answer other than 200 was given (its problem detail)
	 */
	public record Answer(int status, Versioned totals, String servedBy, Long standbyLag, String detail) {

	}

	/**
	 * Totals as they stand at a version: the version tells whether every change has been
	 * counted, the totals whether they were counted right.
	 *
	 * @param version the totals' version (how many changes they went through)
	 * @param totals the totals
	 */
	public record Versioned(long version, Totals totals) {
	}

}
