package org.jointops.bench.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.jointops.wire.AvroSingleObjectSerializer;
import org.jointops.wire.Quantities;

/**
 * The reports agencies post in the HTTP measurements: police reports on stage 1 of
 * {@code ILLEGAL-2017} with three finding lines (two counts, one fine in USD), each with
 * a report id of its own, as single JSON reports, JSON batches and CSV batches. Bodies
 * are written by hand, not by a JSON library, so that the load generator stays cheap.
 */
public final class ReportBodies {

	/** The agency that posts every report (its token is the test one). */
	public static final String AGENCY = "INTERIOR";

	private static final String OPERATION = "ILLEGAL-2017";

	private static final String PERIOD_START = "2017-05-22";

	private static final String PERIOD_END = "2017-06-02";

	private static final String CSV_HEADER = "reportId,revision,agency,operation,stage,periodStart,periodEnd,"
			+ "category,quantity,currency\n";

	private final String prefix;

	private long next;

	/**
	 * Reports whose ids start with the prefix.
	 * @param prefix unique to the run and step, e.g. {@code H1a2b-single-8-}
	 */
	public ReportBodies(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * One report as JSON.
	 * @return the body
	 */
	public byte[] json() {
		return report(new StringBuilder(320), this.next++).toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A JSON batch.
	 * @param reports how many reports
	 * @return the body, a JSON array
	 */
	public byte[] jsonBatch(int reports) {
		StringBuilder body = new StringBuilder(reports * 330).append('[');
		for (int i = 0; i < reports; i++) {
			if (i > 0) {
				body.append(',');
			}
			report(body, this.next++);
		}
		return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A CSV batch: one row per finding line, three per report.
	 * @param reports how many reports
	 * @return the body
	 */
	public byte[] csvBatch(int reports) {
		StringBuilder body = new StringBuilder(reports * 300).append(CSV_HEADER);
		for (int i = 0; i < reports; i++) {
			long n = this.next++;
			String common = this.prefix + n + ",1," + AGENCY + "," + OPERATION + ",1," + PERIOD_START + "," + PERIOD_END
					+ ",";
			body.append(common).append("IMMIGRATION_LAW_VIOLATIONS,").append(count(n)).append(",\n");
			body.append(common).append("WANTED_PERSONS_DETAINED,").append(1 + n % 7).append(",\n");
			body.append(common).append("FINES_IMPOSED,").append(money(n)).append(",USD\n");
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A freshness probe: a new report on an operation of probes, quantity 1.
	 * @param operation e.g. {@link BenchCatalogue#probe(int)}
	 * @return the body
	 */
	public synchronized byte[] probe(String operation) {
		return ("{\"reportId\":\"" + this.prefix + (this.next++) + "\",\"revision\":1,\"agency\":\"" + AGENCY
				+ "\",\"operation\":\"" + operation + "\",\"stage\":1,\"periodStart\":\"" + BenchCatalogue.stageStart(1)
				+ "\",\"periodEnd\":\"" + BenchCatalogue.stageEnd(1) + "\",\"findings\":[{\"category\":\""
				+ BenchCatalogue.category(0) + "\",\"quantity\":1}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The size of such a report as a producer writes it to Kafka: the encoded
	 * {@code ReportRevision} (Avro single-object encoding, the default wire format).
	 * @param state the reporting state
	 * @return bytes of the record's value
	 */
	public static int encodedSize(String state) {
		long n = 123_456;
		ReportRevision revision = new ReportRevision("H0abc1de-single-64-" + n, 1, state, AGENCY, OPERATION, 1,
				LocalDate.parse(PERIOD_START), LocalDate.parse(PERIOD_END),
				List.of(finding("IMMIGRATION_LAW_VIOLATIONS", BigDecimal.valueOf(count(n)), null),
						finding("WANTED_PERSONS_DETAINED", BigDecimal.valueOf(1 + n % 7), null),
						finding("FINES_IMPOSED", new BigDecimal(money(n)), "USD")),
				false, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		try (AvroSingleObjectSerializer serializer = new AvroSingleObjectSerializer()) {
			return serializer.serialize("findings." + state.toLowerCase(Locale.ROOT), revision).length;
		}
	}

	private static Finding finding(String category, BigDecimal quantity, String currency) {
		return new Finding(category, Quantities.onTheWire(quantity), (currency != null) ? "MONEY" : "COUNT", currency);
	}

	private StringBuilder report(StringBuilder body, long n) {
		return body.append("{\"reportId\":\"")
			.append(this.prefix)
			.append(n)
			.append("\",\"revision\":1,\"agency\":\"" + AGENCY + "\",\"operation\":\"" + OPERATION
					+ "\",\"stage\":1,\"periodStart\":\"" + PERIOD_START + "\",\"periodEnd\":\"" + PERIOD_END
					+ "\",\"findings\":[{\"category\":\"IMMIGRATION_LAW_VIOLATIONS\",\"quantity\":")
			.append(count(n))
			.append("},{\"category\":\"WANTED_PERSONS_DETAINED\",\"quantity\":")
			.append(1 + n % 7)
			.append("},{\"category\":\"FINES_IMPOSED\",\"quantity\":")
			.append(money(n))
			.append(",\"currency\":\"USD\"}]}");
	}

	private static long count(long n) {
		return 1 + (n * 7919) % 1000;
	}

	private static String money(long n) {
		return (100 + n % 9000) + "." + ((n % 2 == 0) ? "50" : "25");
	}

}
