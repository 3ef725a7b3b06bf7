package org.jointops.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jointops.bench.load.Latencies;

/**
 * Writes a run's results: {@value #TABLE} (the Markdown table with the machine and the
 * command), {@value #CSV} and {@value #TARGETS_CSV} (raw figures) and {@value #CHART}.
 */
public final class Reports {

	/** The Markdown table. */
	public static final String TABLE = "results.md";

	/** Every row, raw. */
	public static final String CSV = "results.csv";

	/** Every target, raw. */
	public static final String TARGETS_CSV = "targets.csv";

	/** The chart. */
	public static final String CHART = "results.png";

	private Reports() {
	}

	/**
	 * Writes every file.
	 * @param directory where
	 * @param results the results
	 * @param machine the machine
	 * @param settings the run's sizes, one line each
	 * @param smoke whether this was a smoke run (tiny sizes; figures mean nothing)
	 * @param minutes how long the run took
	 */
	public static void write(Path directory, Results results, Machine machine, List<String> settings, boolean smoke,
			double minutes) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(TABLE), markdown(results, machine, settings, smoke, minutes));
			Files.writeString(directory.resolve(CSV), csv(results));
			Files.writeString(directory.resolve(TARGETS_CSV), targetsCsv(results));
			Chart.write(directory.resolve(CHART), results, smoke);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the results to " + directory, ex);
		}
	}

	static String markdown(Results results, Machine machine, List<String> settings, boolean smoke, double minutes) {
		StringBuilder out = new StringBuilder();
		out.append("# Benchmark results\n\n");
		if (smoke) {
			out.append("> **Smoke run**: tiny sizes, only to show that the harness works. These figures say nothing "
					+ "about the system's speed.\n\n");
		}
		out.append("Command: `").append(machine.command()).append("`  \n");
		out.append("Run: ")
			.append(machine.started())
			.append(String.format(Locale.ROOT, ", %.1f minutes", minutes))
			.append(", commit ")
			.append(machine.commit())
			.append("  \n");
		out.append("Machine: ")
			.append(machine.cores())
			.append(" cores (")
			.append(machine.cpu())
			.append("), ")
			.append(String.format(Locale.ROOT, "%,d", machine.memoryMib()))
			.append(" MiB RAM, ")
			.append(machine.os())
			.append(", load average at start ")
			.append(machine.loadAtStart())
			.append("  \n");
		out.append("JDK: ").append(machine.jdk()).append("  \n");
		out.append("Sizes: ").append(String.join("; ", settings)).append("\n\n");
		out.append("Load generator, broker, services and tools share the same cores. A ratio is the figure divided "
				+ "by its baseline's, both measured in this run on the same broker (see README.md).\n\n");
		out.append("## Figures\n\n");
		out.append("| Measure | Figure | p50 ms | p99 ms | p99.9 ms | Baseline | Baseline figure | Ratio | Notes |\n");
		out.append("|---|---:|---:|---:|---:|---|---:|---:|---|\n");
		String group = null;
		for (Row row : results.rows()) {
			if (!row.group().equals(group)) {
				group = row.group();
				out.append("| **").append(group).append("** | | | | | | | | |\n");
			}
			Row baseline = (row.baselineId() != null) ? results.row(row.baselineId()) : null;
			out.append("| ")
				.append(row.measure())
				.append(" | ")
				.append(figure(row))
				.append(" | ")
				.append(latency(row.latency().p50()))
				.append(" | ")
				.append(latency(row.latency().p99()))
				.append(" | ")
				.append(latency(row.latency().p999()))
				.append(" | ")
				.append((baseline != null) ? baseline.measure() : "")
				.append(" | ")
				.append((baseline != null) ? figure(baseline) : "")
				.append(" | ")
				.append(Formats.ratio(results.ratio(row)))
				.append(" | ")
				.append(escape(row.notes()))
				.append(" |\n");
		}
		out.append("\n## Targets of issue 11 §6\n\n");
		out.append("| Target | Figure | Baseline | Ratio (or figure) | Required | Result |\n");
		out.append("|---|---|---|---:|---:|---|\n");
		for (Target.Verdict verdict : results.verdicts()) {
			Target target = verdict.target();
			Row figure = results.row(target.figureId());
			Row baseline = (target.baselineId() != null) ? results.row(target.baselineId()) : null;
			out.append("| ")
				.append(target.description())
				.append(" | ")
				.append((figure != null) ? figure.measure() + ": " + figure(figure) : target.figureId())
				.append(" | ")
				.append((baseline != null) ? baseline.measure() + ": " + figure(baseline) : "")
				.append(" | ")
				.append((target.baselineId() != null) ? Formats.ratio(verdict.measured())
						: Formats.number(verdict.measured()))
				.append(" | ")
				.append(target.requirement())
				.append(" | ")
				.append(outcome(verdict.outcome()))
				.append(" |\n");
		}
		out.append("\n![Ratios to baselines](").append(CHART).append(")\n");
		return out.toString();
	}

	static String csv(Results results) {
		StringBuilder out = new StringBuilder(
				"id,group,measure,status,value,unit,p50_ms,p99_ms,p999_ms,samples,baseline_id,baseline_value,ratio,notes\n");
		for (Row row : results.rows()) {
			Latencies latency = row.latency();
			out.append(String.join(",", quote(row.id()), quote(row.group()), quote(row.measure()), row.status().name(),
					Formats.raw(row.hasValue() ? row.value() : Double.NaN), quote(row.unit()),
					Formats.raw(latency.p50()), Formats.raw(latency.p99()), Formats.raw(latency.p999()),
					(latency.count() > 0) ? Long.toString(latency.count()) : "", quote(nullToEmpty(row.baselineId())),
					Formats.raw((row.baselineId() != null) ? results.value(row.baselineId()) : Double.NaN),
					Formats.raw(results.ratio(row)), quote(row.notes())))
				.append('\n');
		}
		return out.toString();
	}

	static String targetsCsv(Results results) {
		StringBuilder out = new StringBuilder("target,figure_id,baseline_id,kind,threshold,measured,outcome\n");
		for (Target.Verdict verdict : results.verdicts()) {
			Target target = verdict.target();
			out.append(String.join(",", quote(target.description()), quote(target.figureId()),
					quote(nullToEmpty(target.baselineId())), target.kind().name(), Formats.raw(target.threshold()),
					Formats.raw(verdict.measured()), verdict.outcome().name()))
				.append('\n');
		}
		return out.toString();
	}

	private static String figure(Row row) {
		return switch (row.status()) {
			case MEASURED -> Formats.number(row.value()) + " " + row.unit();
			case DID_NOT_FINISH -> "DNF (" + Formats.number(row.value()) + " " + row.unit() + ")";
			case FAILED -> "failed";
			case NOT_RUN -> "not run";
		};
	}

	private static String latency(double millis) {
		return Double.isNaN(millis) ? "" : Formats.number(millis);
	}

	private static String outcome(Target.Outcome outcome) {
		return switch (outcome) {
			case MET -> "met";
			case MISSED -> "**missed**";
			case NOT_MEASURED -> "not measured";
			case REPORTED -> "reported";
		};
	}

	private static String escape(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\"\"").replace("\n", " ") + "\"";
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
