package org.jointops.localstack.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Category;
import tools.jackson.databind.JsonNode;

/**
 * Council totals as a plain-text table: one row per category (and currency), one column
 * per member state, then the total; then the same by stage. <em>Of which</em> lines are
 * indented under their parent.
 */
final class TotalsTable {

	private TotalsTable() {
	}

	/**
	 * Lays out an operation's council totals as a table.
	 * @param totals the body of {@code GET /api/v1/operations/{operation}/totals}
	 * @param states the states to show as columns, in order
	 * @param catalogue for category names
	 * @return the table, lines separated by newlines
	 */
	static String render(JsonNode totals, List<String> states, Catalogue catalogue) {
		StringBuilder out = new StringBuilder();
		out.append(totals.path("operation").asString())
			.append(" - ")
			.append(totals.path("name").asString())
			.append('\n')
			.append("Council totals: version ")
			.append(totals.path("version").asLong())
			.append(", ")
			.append(totals.path("reports").asLong())
			.append(" reports counted, as of ")
			.append(totals.path("updatedAt").asString("-"))
			.append("\n\n");
		TreeSet<String> stages = new TreeSet<>();
		totals.path("totals").forEach((line) -> line.path("byStage").propertyNames().forEach(stages::add));

		List<String> byStateHeader = new ArrayList<>(List.of("Category", "Unit"));
		byStateHeader.addAll(states);
		byStateHeader.add("Total");
		List<String> byStageHeader = new ArrayList<>(List.of("Category", "Unit"));
		stages.forEach((stage) -> byStageHeader.add("Stage " + stage));
		byStageHeader.add("Total");
		List<List<String>> byState = new ArrayList<>();
		List<List<String>> byStage = new ArrayList<>();
		for (JsonNode line : totals.path("totals")) {
			String category = line.path("category").asString();
			Category known = catalogue.category(category).orElse(null);
			String label = (known != null) ? (known.isPartOfParent() ? "  of which " + known.name() : known.name())
					: category;
			String unit = line.path("currency").isMissingNode() ? line.path("unit").asString().toLowerCase(Locale.ROOT)
					: line.path("currency").asString();
			List<String> stateRow = new ArrayList<>(List.of(label, unit));
			states.forEach((state) -> stateRow.add(number(line.path("byState").path(state))));
			stateRow.add(number(line.path("total")));
			byState.add(stateRow);
			List<String> stageRow = new ArrayList<>(List.of(label, unit));
			stages.forEach((stage) -> stageRow.add(number(line.path("byStage").path(stage))));
			stageRow.add(number(line.path("total")));
			byStage.add(stageRow);
		}
		List<String> usd = new ArrayList<>();
		for (JsonNode converted : totals.path("usdTotals")) {
			String category = converted.path("category").asString();
			String name = catalogue.category(category).map(Category::name).orElse(category);
			List<String> stageRow = new ArrayList<>(List.of(name + ", converted", "USD"));
			stages.forEach((stage) -> stageRow.add(number(converted.path("byStage").path(stage))));
			stageRow.add(number(converted.path("total")));
			byStage.add(stageRow);
			usd.add(capitalized(name) + ": " + number(converted.path("total"))
					+ " US dollars at the secretariat's rates" + (converted.path("complete").asBoolean() ? ""
							: " (incomplete: no rate for " + converted.path("missing") + ")"));
		}
		out.append("By member state\n").append(table(byStateHeader, byState)).append('\n');
		out.append("By stage\n").append(table(byStageHeader, byStage));
		usd.forEach((line) -> out.append('\n').append(line));
		JsonNode figures = totals.path("figures");
		if (!figures.isMissingNode()) {
			List<String> finals = new ArrayList<>();
			figures.path("cases")
				.forEach((mark) -> finals.add((mark.path("status").asString().equals("FINAL"))
						? mark.path("state").asString() + " stage " + mark.path("stage").asInt() : null));
			finals.removeIf(java.util.Objects::isNull);
			out.append("\nFigures ")
				.append(figures.path("status").asString())
				.append(finals.isEmpty() ? "" : " (final: " + String.join(", ", finals) + ")");
		}
		if (!usd.isEmpty() || !figures.isMissingNode()) {
			out.append('\n');
		}
		return out.toString();
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String number(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "-";
		}
		BigDecimal number = value.decimalValue();
		return (number.scale() <= 0) ? String.format(Locale.ROOT, "%,d", number.toBigIntegerExact())
				: String.format(Locale.ROOT, "%,." + number.scale() + "f", number);
	}

	private static String table(List<String> header, List<List<String>> rows) {
		int[] widths = new int[header.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = header.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder out = new StringBuilder();
		appendRow(out, header, widths);
		int total = 0;
		for (int width : widths) {
			total += width + 2;
		}
		out.append("-".repeat(total - 2)).append('\n');
		rows.forEach((row) -> appendRow(out, row, widths));
		return out.toString();
	}

	private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			String padding = " ".repeat(widths[i] - cell.length());
			line.append((i < 2) ? cell + padding : padding + cell);
			if (i < cells.size() - 1) {
				line.append("  ");
			}
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

}
