package org.jointops.bench.run;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.jointops.bench.data.BenchCatalogue;
import org.jointops.bench.data.Grid;
import org.jointops.bench.data.RevisionStream;
import org.jointops.bench.data.RevisionStream.Kind;
import org.jointops.bench.kafka.Preload;
import org.jointops.bench.kafka.TopicAdmin;
import org.jointops.bench.load.QueryLoad;
import org.jointops.bench.load.QueryLoad.QueryResult;
import org.jointops.bench.load.QueryLoad.TargetResult;
import org.jointops.bench.report.Results;
import org.jointops.bench.report.Status;
import org.jointops.bench.report.Target;
import org.jointops.testsupport.Credentials;
import org.jointops.testsupport.process.ServiceProcess;

/**
 * The queries of issue 11 §3 on one operation of their own
 * ({@link BenchCatalogue#QUERIES}), at each size of its history: its revisions (new
 * reports, duplicates, corrections and withdrawals, as the catch-up preload mixes them)
 * are written to the findings topics in parts, and once the aggregator answers exactly
 * their totals, each query is asked by one client, one request after the other: the
 * ledger now ({@code /totals}, the baseline of the others), the ledger at instants spread
 * over the history ({@code /totals?asOf=}), traceability now and at those instants
 * ({@code /reports}, {@code /reports?asOf=}) and completeness ({@code /completeness}).
 * The figure is the median; what each answer held (lines, reports listed, state rows)
 * goes in the notes, since a query may cost what it returns.
 */
final class QueryRun {

	/** Instants an as-of query is asked at, spread over the history. */
	static final int INSTANTS = 16;

	/** Longest time the measured requests of one row may take. */
	static final Duration ROW_CAP = Duration.ofMinutes(4);

	private static final String PREFIX = "query.";

	private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

	private QueryRun() {
	}

	/**
	 * The row of a query at a size of the history.
	 * @param query the query
	 * @param revisions revisions of the operation then
	 * @return its id, e.g. {@code query.totals-asof.r200000}
	 */
	static String row(Query query, long revisions) {
		return PREFIX + query.id + ".r" + revisions;
	}

	/**
	 * The id prefixes of every row of the queries.
	 * @return the prefixes
	 */
	static List<String> rows() {
		return List.of(PREFIX);
	}

	static void plan(Results results, BenchOptions options) {
		List<Long> sizes = options.queryRevisions();
		for (long revisions : sizes) {
			String group = String.format(Locale.ROOT, "Queries on one operation of %,d cells with %,d revisions",
					options.queryCells(), revisions);
			for (Query query : Query.values()) {
				results.plan(row(query, revisions), group,
						String.format(Locale.ROOT, "%s, %,d revisions, p50", query.measure, revisions), "ms",
						(query.baseline != null) ? row(query.baseline, revisions) : null);
			}
		}
		long fewest = sizes.get(0);
		long most = sizes.get(sizes.size() - 1);
		if (most > fewest) {
			for (Query query : Query.values()) {
				results.target(new Target(
						String.format(Locale.ROOT, "%s: time at %,d revisions ÷ at %,d (the history %,.0f× longer%s)",
								query.title, most, fewest, (double) most / fewest,
								query.grows ? "; what it returns grows too" : ""),
						row(query, most), row(query, fewest), Target.Kind.REPORTED, Double.NaN));
			}
		}
	}

	/**
	 * Preloads the operation's revisions part by part, each time waits until the
	 * aggregator's totals are exact and measures every query.
	 * @param deployment the deployment
	 * @param options the options
	 * @param results where the figures go
	 * @param aggregator a running exactly-once aggregator
	 * @param applicationId its application id (its consumer group)
	 */
	static void run(Deployment deployment, BenchOptions options, Results results, ServiceProcess aggregator,
			String applicationId) {
		Grid grid = options.queryShape().grid(options.lines());
		List<Long> sizes = options.queryRevisions();
		long most = sizes.get(sizes.size() - 1);
		RevisionStream revisions = RevisionStream.ofQueries(grid, most, options.mix(), options.seed());
		long[] submitted = new long[Math.toIntExact(most)];
		TopicAdmin topics = deployment.topics();
		List<TopicPartition> partitions = topics.findingsPartitions();
		CatchUpRun.Findings findings = new CatchUpRun.Findings(partitions, topics.startOffsets(partitions));
		QueryLoad load = new QueryLoad("Bearer " + Credentials.readerToken(Credentials.SECRETARIAT));
		Say.line("Queries: one operation, %s (%s), measured at %s revisions", BenchCatalogue.QUERIES, grid, sizes);
		for (long size : sizes) {
			long before = revisions.produced();
			Preload.Written written = Preload.write(deployment.client(), revisions, size - before,
					(revision) -> submitted[Math.toIntExact(revisions.produced() - 1)] = revision.value()
						.getSubmittedAt()
						.toEpochMilli());
			TotalsCheck check = new TotalsCheck(revisions.expected());
			CatchUpRun.Timing timing = CatchUpRun.await(topics, applicationId, findings, aggregator.jvm()::isAlive,
					() -> check.exact(aggregator), options.catchUpTimeout());
			String history = String.format(Locale.ROOT,
					"%,d revisions (%,d new reports, %,d duplicates, %,d corrections, %,d withdrawals), %,d reports "
							+ "counting; %,d of them written just before, counted by the aggregator in %.1f s",
					size, revisions.count(Kind.NEW), revisions.count(Kind.DUPLICATE), revisions.count(Kind.CORRECTION),
					revisions.count(Kind.WITHDRAWAL), revisions.expected().reports(0), written.records(),
					timing.seconds());
			if (timing.status() != Status.MEASURED) {
				String reason = String.format(Locale.ROOT,
						"the aggregator's totals were not exact within %d s of " + "the %,d revisions' preload (%s)",
						options.catchUpTimeout().toSeconds(), size, timing.status());
				Say.line("  %s", reason);
				results.failUnmeasured(reason, rows());
				return;
			}
			Say.line("  %s", history);
			List<Instant> instants = new ArrayList<>();
			for (int k = 0; k < INSTANTS; k++) {
				instants.add(Instant.ofEpochMilli(submitted[(int) ((k + 0.5) * size / INSTANTS)]));
			}
			for (Query query : Query.values()) {
				measure(results, options, load, aggregator, query, size, instants, history);
			}
		}
	}

	private static void measure(Results results, BenchOptions options, QueryLoad load, ServiceProcess aggregator,
			Query query, long size, List<Instant> instants, String history) {
		String base = aggregator.url("/api/v1/operations/" + BenchCatalogue.QUERIES + "/" + query.path);
		List<URI> targets = query.asOf ? instants.stream().map((at) -> URI.create(base + "?asOf=" + at)).toList()
				: List.of(URI.create(base));
		QueryResult result = load.measure(targets, options.queryWarmup(), options.queryRequests(), ROW_CAP,
				query.items);
		String id = row(query, size);
		if (result.latency().count() == 0) {
			results.mark(id, Status.FAILED, Double.NaN, "no answer 200: " + result.failures());
			Say.line("  %s: failed %s", id, result.failures());
			return;
		}
		StringBuilder notes = new StringBuilder(String.format(Locale.ROOT,
				"%,d requests after %d of warm-up, one client%s%s; answers of %,.0f %s and %,.0f KB on average",
				result.latency().count(), options.queryWarmup(),
				result.capped() ? String.format(Locale.ROOT, " (cut at %d s)", ROW_CAP.toSeconds()) : "",
				(result.failed() > 0) ? "; failed " + result.failures() : "", result.meanItems(), query.unit,
				result.meanBytes() / 1024));
		if (query.grows && result.meanItems() > 0) {
			notes.append(String.format(Locale.ROOT, " (%.1f µs per %s at the median)",
					1000 * result.latency().p50() / result.meanItems(), singular(query.unit)));
		}
		if (query.asOf) {
			TargetResult first = result.targets().get(0);
			TargetResult last = result.targets().get(result.targets().size() - 1);
			notes.append(String.format(Locale.ROOT,
					"; %d instants spread over the history, asked in turn: at %.0f%% of its revisions %,d %s, "
							+ "median %s ms; at %.0f%% %,d %s, median %s ms",
					INSTANTS, 100.0 * 0.5 / INSTANTS, first.items(), query.unit, millis(first.latency().p50()),
					100.0 * (INSTANTS - 0.5) / INSTANTS, last.items(), query.unit, millis(last.latency().p50())));
		}
		if (query == Query.TOTALS) {
			notes.append("; ").append(history);
		}
		results.measured(id, result.latency().p50(), result.latency(), notes.toString());
		Say.line("  %s: p50 %s ms, p99 %s ms over %d requests; %,.0f %s, %,.0f KB", id, millis(result.latency().p50()),
				millis(result.latency().p99()), result.latency().count(), result.meanItems(), query.unit,
				result.meanBytes() / 1024);
	}

	private static String millis(double millis) {
		return (millis >= 100) ? String.format(Locale.ROOT, "%,.0f", millis)
				: String.format(Locale.ROOT, "%.1f", millis);
	}

	private static String singular(String unit) {
		return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
	}

	private static long occurrences(byte[] body, String marker) {
		String text = new String(body, StandardCharsets.UTF_8);
		long found = 0;
		for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
			found++;
		}
		return found;
	}

	private static long reportCount(byte[] body) {
		Matcher matcher = COUNT.matcher(new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	/**
	 * The queries measured.
	 */
	enum Query {

		/** The ledger now: the baseline. */
		TOTALS("totals", "GET …/totals (the ledger now)", "Totals now", "totals", false, false, "lines", null,
				(body) -> occurrences(body, "\"category\"")),

		/** The ledger at instants over the history. */
		TOTALS_AS_OF("totals-asof", "GET …/totals?asOf= (16 instants over the history)", "As-of totals", "totals", true,
				false, "lines", TOTALS, (body) -> occurrences(body, "\"category\"")),

		/** Traceability now. */
		REPORTS("reports", "GET …/reports (traceability now)", "Traceability now", "reports", false, true, "reports",
				TOTALS, QueryRun::reportCount),

		/** Traceability at instants over the history. */
		REPORTS_AS_OF("reports-asof", "GET …/reports?asOf= (16 instants over the history)", "Traceability as of",
				"reports", true, true, "reports", TOTALS, QueryRun::reportCount),

		/** Completeness. */
		COMPLETENESS("completeness", "GET …/completeness", "Completeness", "completeness", false, false,
				"state rows (stage × state)", TOTALS, (body) -> occurrences(body, "\"status\""));

		final String id;

		final String measure;

		final String title;

		final String path;

		final boolean asOf;

		final boolean grows;

		final String unit;

		final Query baseline;

		final ToLongFunction<byte[]> items;

		Query(String id, String measure, String title, String path, boolean asOf, boolean grows, String unit,
				Query baseline, ToLongFunction<byte[]> items) {
			this.id = id;
			this.measure = measure;
			this.title = title;
			this.path = path;
			this.asOf = asOf;
			this.grows = grows;
			this.unit = unit;
			this.baseline = baseline;
			this.items = items;
		}

	}

}
