package org.jointops.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jointops.catalogue.CatalogueLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extra catalogue file every service of a benchmark run is given
 * ({@code jointops.catalogue.extra-files}): a programme {@value #PROGRAMME} with as many
 * count categories as the widest shape needs, operations {@code BENCH-0001}... with as
 * many stages, the operations the freshness probes report on, {@code BENCH-PROBE-1}...,
 * and the operation of the query measurements, {@value #QUERIES}.
 */
public final class BenchCatalogue {

	/** The benchmark's programme. */
	public static final String PROGRAMME = "BENCH";

	/**
	 * How many operations freshness probes report on (one probe at a time on each): one
	 * stage, category 1.
	 */
	public static final int PROBES = 8;

	/**
	 * The operation the query measurements read (as-of totals, traceability,
	 * completeness): as many stages as its layout needs.
	 */
	public static final String QUERIES = "BENCH-QUERIES";

	/** Most operations a shape may spread over. */
	public static final int MAX_OPERATIONS = 1000;

	private static final LocalDate FIRST_STAGE = LocalDate.of(2030, 1, 7);

	private BenchCatalogue() {
	}

	/**
	 * The code of an operation.
	 * @param index from 0
	 * @return e.g. {@code BENCH-0001}
	 */
	public static String operation(int index) {
		return String.format(Locale.ROOT, "BENCH-%04d", index + 1);
	}

	/**
	 * The code of an operation of freshness probes.
	 * @param index from 0 to {@link #PROBES} - 1
	 * @return e.g. {@code BENCH-PROBE-1}
	 */
	public static String probe(int index) {
		return "BENCH-PROBE-" + (index + 1);
	}

	/**
	 * The code of a category.
	 * @param index from 0
	 * @return e.g. {@code BENCH_C0001}
	 */
	public static String category(int index) {
		return String.format(Locale.ROOT, "BENCH_C%04d", index + 1);
	}

	/**
	 * First day of a stage (every benchmark operation has the same stages).
	 * @param stage stage number from 1
	 * @return its first day
	 */
	public static LocalDate stageStart(int stage) {
		return FIRST_STAGE.plusWeeks(2L * (stage - 1));
	}

	/**
	 * Last day of a stage.
	 * @param stage stage number from 1
	 * @return its last day
	 */
	public static LocalDate stageEnd(int stage) {
		return stageStart(stage).plusDays(6);
	}

	/**
	 * Writes the catalogue file for the shapes of a run and checks that it loads.
	 * @param file where
	 * @param grids the layouts of the run's shapes
	 * @param operations most operations of a shape
	 * @param queries the layout of the query measurements' operation
	 * @return the file
	 */
	public static Path write(Path file, List<Grid> grids, int operations, Grid queries) {
		List<Grid> all = new ArrayList<>(grids);
		all.add(queries);
		int categories = Math.max(1, all.stream().mapToInt(Grid::categories).max().orElse(1));
		int stages = Math.max(1, all.stream().mapToInt(Grid::stages).max().orElse(1));
		List<Map<String, Object>> categoryEntries = new ArrayList<>();
		for (int i = 0; i < categories; i++) {
			categoryEntries.add(Map.of("code", category(i), "unit", "COUNT", "name", "benchmark category " + (i + 1)));
		}
		List<Map<String, Object>> stageEntries = new ArrayList<>();
		for (int stage = 1; stage <= stages; stage++) {
			stageEntries
				.add(Map.of("stage", stage, "start", stageStart(stage).toString(), "end", stageEnd(stage).toString()));
		}
		List<Map<String, Object>> operationEntries = new ArrayList<>();
		for (int i = 0; i < operations; i++) {
			operationEntries.add(Map.of("code", operation(i), "programme", PROGRAMME, "name",
					"Benchmark operation " + (i + 1), "stages", stageEntries));
		}
		for (int i = 0; i < PROBES; i++) {
			operationEntries.add(Map.of("code", probe(i), "programme", PROGRAMME, "name",
					"Benchmark freshness probes " + (i + 1), "stages", stageEntries.subList(0, 1)));
		}
		operationEntries.add(Map.of("code", QUERIES, "programme", PROGRAMME, "name", "Benchmark queries", "stages",
				stageEntries.subList(0, queries.stages())));
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("programmes", List.of(Map.of("code", PROGRAMME, "name", "Benchmark", "council",
				"Synthetic programme of ./bench", "categories", categoryEntries)));
		content.put("operations", operationEntries);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, JsonMapper.builder().build().writeValueAsString(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		CatalogueLoader.load(List.of(file));
		return file;
	}

}
