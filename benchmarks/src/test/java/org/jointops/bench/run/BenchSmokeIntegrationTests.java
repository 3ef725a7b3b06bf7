package org.jointops.bench.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jointops.bench.data.Shape;
import org.jointops.bench.report.Reports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke run, so that {@code ./bench} does not rot: tiny sizes, every
 * phase but the local stack's footprint, and the table, the CSV and the chart written
 * with every row present and measured (the local stack's rows present, marked not run).
 * Never a word about speed.
 */
class BenchSmokeIntegrationTests {

	private static final Path OUT = Path.of("target/bench-smoke-test");

	/**
	 * Rows a smoke run leaves out: the local stack's start-up would be its longest step.
	 */
	private static final List<String> SKIPPED = List.of(FootprintRun.START, FootprintRun.RSS);

	@Test
	void aSmokeRunWritesItsTableCsvAndChartWithEveryRow() throws IOException {
		BenchOptions options = BenchOptions.parse(
				new String[] { "--smoke", "--out=" + OUT, "--run-dir=target/bench-smoke-test-run" },
				"BenchSmokeIntegrationTests");

		BenchRun.run(options);

		List<String> expected = expectedRows(options);
		Map<String, String> statuses = statuses(OUT.resolve(Reports.CSV));
		assertThat(statuses.keySet()).as("rows of %s", Reports.CSV).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(statuses).as("no row failed or left out but the local stack's, which a smoke run skips")
			.allSatisfy((id, status) -> assertThat(status).as(id)
				.isIn(SKIPPED.contains(id) ? List.of("NOT_RUN") : List.of("MEASURED", "DID_NOT_FINISH")));
		String table = Files.readString(OUT.resolve(Reports.TABLE));
		assertThat(table).contains("Smoke run", "## Figures", "## Targets of issue 11", "Machine:", "Command:");
		assertThat(table.lines().filter((line) -> line.startsWith("| ") && !line.startsWith("| **")).count() - 2)
			.as("table lines of figures and targets")
			.isGreaterThanOrEqualTo(expected.size());
		assertThat(Files.readAllLines(OUT.resolve(Reports.TARGETS_CSV))).hasSizeGreaterThan(1);
		BufferedImage chart = ImageIO.read(OUT.resolve(Reports.CHART).toFile());
		assertThat(chart).isNotNull();
		assertThat(chart.getHeight()).isGreaterThan(100);
	}

	private static List<String> expectedRows(BenchOptions options) {
		List<String> rows = new ArrayList<>(List.of(KafkaRun.PRODUCER_PERFORMANCE));
		for (Shape shape : options.shapes()) {
			rows.addAll(CatchUpRun.rows(shape));
		}
		for (int clients : options.clients()) {
			rows.add(IngestRun.noop(clients));
			rows.add(IngestRun.single(clients));
		}
		for (String format : List.of("json", "csv")) {
			options.batchSizes().forEach((size) -> rows.add(IngestRun.batch(format, size)));
		}
		for (long revisions : options.queryRevisions()) {
			for (QueryRun.Query query : QueryRun.Query.values()) {
				rows.add(QueryRun.row(query, revisions));
			}
		}
		rows.addAll(List.of(IngestRun.BEST_BATCH, FreshnessRun.FRESHNESS, RecoveryRun.EXACT, RecoveryRun.RESTORE,
				IngestRun.PRODUCER_START, IngestRun.PRODUCER_RSS, FootprintRun.START, FootprintRun.RSS));
		return rows;
	}

	private static Map<String, String> statuses(Path csv) throws IOException {
		Map<String, String> statuses = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.get(0)).startsWith("id,group,measure,status,");
		for (String line : lines.subList(1, lines.size())) {
			List<String> fields = fields(line);
			statuses.put(fields.get(0), fields.get(3));
		}
		return statuses;
	}

	/** The fields of a CSV line: quoted with doubled quotes inside, or bare. */
	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
