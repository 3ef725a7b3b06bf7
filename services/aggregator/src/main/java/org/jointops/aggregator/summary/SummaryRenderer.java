package org.jointops.aggregator.summary;

import java.util.ArrayList;
import java.util.List;

import org.jointops.aggregator.documents.PdfDocuments;
import org.jointops.aggregator.summary.CouncilSummary.Item;
import org.jointops.aggregator.summary.CouncilSummary.Row;
import org.jointops.aggregator.summary.CouncilSummary.Table;

import org.springframework.web.util.HtmlUtils;

/**
 * Lays out a council summary as plain text, Markdown or HTML. Every text comes from the
 * summary; only the layout is here.
 */
final class SummaryRenderer {

	private static final String NL = "\n";

	/** The font of the print layout: the PDF renderer embeds it under this name. */
	static final String PRINT_FONT = PdfDocuments.FONT;

	private static final String SCREEN = "body{font-family:serif;max-width:60em;margin:2em auto;padding:0 1em}"
			+ "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.2em .5em}"
			+ "td.n{text-align:right;white-space:nowrap}tr.of-which td:first-child{padding-left:2em}"
			+ "ul.of-which{list-style:none;padding-left:1em}";

	/** The width of a portrait A4 page between the margins, in points. */
	private static final double PORTRAIT_WIDTH = 595 - 2 * 14 * 72 / 25.4;

	/** The width the category column needs to stay readable, in points. */
	private static final double LABEL_WIDTH = 130;

	private static final double TABLE_FONT_SIZE = 7.5;

	private static final String PRINT = "@page{size:{size};margin:18mm 14mm 20mm 14mm;"
			+ "@bottom-center{content:{pageOf};font-family:'" + PRINT_FONT + "';font-size:8pt;color:#555}}"
			+ "body{font-family:'" + PRINT_FONT + "';font-size:10pt;line-height:1.35}"
			+ "h1{font-size:15pt;margin:0 0 4pt 0}h2{font-size:11.5pt;margin:14pt 0 4pt 0;page-break-after:avoid}"
			+ "p.council{font-size:10pt;color:#333;margin:0 0 10pt 0}"
			+ "ol{padding-left:18pt}ol>li{margin-bottom:3pt}ul.of-which{list-style:none;padding-left:10pt;margin:2pt 0}"
			+ "table{border-collapse:collapse;width:100%;font-size:" + TABLE_FONT_SIZE
			+ "pt;-fs-table-paginate:paginate}" + "thead{display:table-header-group}tr{page-break-inside:avoid}"
			+ "th{background:#e8e8e8;font-weight:bold;text-align:left}th.n{text-align:right}"
			+ "th,td{border:0.5pt solid #888;padding:2pt 3pt;vertical-align:top}"
			+ "td.n{text-align:right;white-space:nowrap}tr.of-which td:first-child{padding-left:10pt}"
			+ "p.figures{font-size:8.5pt;color:#333;margin-top:12pt}";

	private SummaryRenderer() {
	}

	static String plainText(CouncilSummary summary) {
		StringBuilder out = new StringBuilder();
		out.append(summary.title()).append(NL);
		if (summary.council() != null) {
			out.append(summary.council()).append(NL);
		}
		if (summary.finality() != null) {
			out.append(NL).append(summary.finality()).append(NL);
		}
		out.append(NL).append(summary.intro()).append(NL);
		if (summary.items().isEmpty()) {
			out.append(summary.none()).append(NL);
		}
		for (Item item : summary.items()) {
			String number = item.number() + ". ";
			out.append(number).append(item.text()).append(NL);
			for (String line : item.ofWhich()) {
				out.append(" ".repeat(number.length())).append(line).append(NL);
			}
		}
		for (Table table : summary.tables()) {
			out.append(NL).append(table.caption()).append(NL);
			List<List<String>> cells = new ArrayList<>();
			cells.add(table.headers());
			for (Row row : table.rows()) {
				List<String> line = new ArrayList<>();
				line.add((row.ofWhich() ? "  " : "") + row.label());
				line.add(row.unit());
				line.addAll(row.figures());
				cells.add(line);
			}
			int[] widths = new int[table.headers().size()];
			for (List<String> line : cells) {
				for (int i = 0; i < line.size(); i++) {
					widths[i] = Math.max(widths[i], line.get(i).length());
				}
			}
			for (List<String> line : cells) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < line.size(); i++) {
					String cell = line.get(i);
					String padding = " ".repeat(widths[i] - cell.length());
					text.append((i == 0) ? "" : "  ").append((i < 2) ? cell + padding : padding + cell);
				}
				out.append(text.toString().stripTrailing()).append(NL);
			}
		}
		if (!summary.stages().isEmpty()) {
			out.append(NL);
			summary.stages().forEach((line) -> out.append(line).append(NL));
		}
		out.append(NL).append(summary.figures()).append(NL);
		return out.toString();
	}

	static String markdown(CouncilSummary summary) {
		StringBuilder out = new StringBuilder();
		out.append("# ").append(md(summary.title())).append(NL).append(NL);
		if (summary.council() != null) {
			out.append('*').append(md(summary.council())).append('*').append(NL).append(NL);
		}
		if (summary.finality() != null) {
			out.append("**").append(md(summary.finality())).append("**").append(NL).append(NL);
		}
		out.append(md(summary.intro())).append(NL).append(NL);
		if (summary.items().isEmpty()) {
			out.append(md(summary.none())).append(NL);
		}
		for (Item item : summary.items()) {
			String number = item.number() + ". ";
			out.append(number).append(md(item.text())).append(NL);
			for (String line : item.ofWhich()) {
				out.append(" ".repeat(number.length())).append("- ").append(md(line)).append(NL);
			}
		}
		for (Table table : summary.tables()) {
			out.append(NL).append("## ").append(md(table.caption())).append(NL).append(NL);
			out.append('|');
			table.headers().forEach((header) -> out.append(' ').append(md(header)).append(" |"));
			out.append(NL).append('|');
			for (int i = 0; i < table.headers().size(); i++) {
				out.append((i < 2) ? "---|" : "---:|");
			}
			out.append(NL);
			for (Row row : table.rows()) {
				out.append("| ").append(md(row.label())).append(" | ").append(md(row.unit())).append(" |");
				row.figures().forEach((figure) -> out.append(' ').append(md(figure)).append(" |"));
				out.append(NL);
			}
		}
		if (!summary.stages().isEmpty()) {
			out.append(NL);
			summary.stages().forEach((line) -> out.append("- ").append(md(line)).append(NL));
		}
		out.append(NL).append('*').append(md(summary.figures())).append('*').append(NL);
		return out.toString();
	}

	/**
	 * The summary as an HTML page for a screen. It is well-formed XML (XHTML), so that
	 * the print layout ({@link #printHtml(CouncilSummary)}) shares it.
	 * @param summary the summary
	 * @return the page
	 */
	static String html(CouncilSummary summary) {
		return html(summary, SCREEN);
	}

	/**
	 * The summary as an XHTML page for paper, A4 with the page number in the footer
	 * (landscape when a table would not fit upright), in the font {@value #PRINT_FONT}
	 * (which the PDF renderer embeds): what the PDF is made from.
	 * @param summary the summary
	 * @return the page, well-formed XML
	 */
	static String printHtml(CouncilSummary summary) {
		boolean wide = summary.tables().stream().anyMatch((table) -> printedWidth(table) > PORTRAIT_WIDTH);
		return html(summary, PRINT.replace("{size}", wide ? "A4 landscape" : "A4")
			.replace("{pageOf}", summary.language().message("page-of")));
	}

	/**
	 * About how wide a table prints, in points, with its category column at a readable
	 * width: its figures (at the table's font size, DejaVu's digits 0.64 em wide) and
	 * each cell's padding and border.
	 * @param table the table
	 * @return the width in points
	 */
	private static double printedWidth(Table table) {
		double width = LABEL_WIDTH;
		for (int i = 1; i < table.headers().size(); i++) {
			int chars = table.headers().get(i).length();
			for (Row row : table.rows()) {
				String cell = (i == 1) ? row.unit() : row.figures().get(i - 2);
				chars = Math.max(chars, cell.length());
			}
			width += chars * 0.64 * TABLE_FONT_SIZE + 7;
		}
		return width;
	}

	/**
	 * The summary as PDF: its print layout ({@link #printHtml(CouncilSummary)}) rendered
	 * with its font embedded.
	 * @param summary the summary
	 * @return the PDF
	 */
	static byte[] pdf(CouncilSummary summary) {
		return PdfDocuments.fromXhtml(printHtml(summary));
	}

	private static String html(CouncilSummary summary, String style) {
		StringBuilder out = new StringBuilder();
		out.append("<!DOCTYPE html>").append(NL);
		out.append("<html lang=\"").append(summary.language().code()).append("\">").append(NL);
		out.append("<head><meta charset=\"utf-8\"/><title>")
			.append(h(summary.title()))
			.append("</title>")
			.append("<style>")
			.append(style)
			.append("</style></head>")
			.append(NL);
		out.append("<body>").append(NL);
		out.append("<h1>").append(h(summary.title())).append("</h1>").append(NL);
		if (summary.council() != null) {
			out.append("<p class=\"council\">").append(h(summary.council())).append("</p>").append(NL);
		}
		if (summary.finality() != null) {
			out.append("<p class=\"finality\"><strong>")
				.append(h(summary.finality()))
				.append("</strong></p>")
				.append(NL);
		}
		out.append("<p>").append(h(summary.intro())).append("</p>").append(NL);
		if (summary.items().isEmpty()) {
			out.append("<p>").append(h(summary.none())).append("</p>").append(NL);
		}
		else {
			out.append("<ol>").append(NL);
			for (Item item : summary.items()) {
				out.append("<li>").append(h(item.text()));
				if (!item.ofWhich().isEmpty()) {
					out.append("<ul class=\"of-which\">");
					item.ofWhich().forEach((line) -> out.append("<li>").append(h(line)).append("</li>"));
					out.append("</ul>");
				}
				out.append("</li>").append(NL);
			}
			out.append("</ol>").append(NL);
		}
		for (Table table : summary.tables()) {
			out.append("<h2>").append(h(table.caption())).append("</h2>").append(NL);
			out.append("<table>").append(NL).append("<thead><tr>");
			for (int i = 0; i < table.headers().size(); i++) {
				out.append((i < 2) ? "<th>" : "<th class=\"n\">").append(h(table.headers().get(i))).append("</th>");
			}
			out.append("</tr></thead>").append(NL).append("<tbody>").append(NL);
			for (Row row : table.rows()) {
				out.append(row.ofWhich() ? "<tr class=\"of-which\">" : "<tr>");
				out.append("<td>").append(h(row.label())).append("</td><td>").append(h(row.unit())).append("</td>");
				row.figures().forEach((figure) -> out.append("<td class=\"n\">").append(h(figure)).append("</td>"));
				out.append("</tr>").append(NL);
			}
			out.append("</tbody></table>").append(NL);
		}
		if (!summary.stages().isEmpty()) {
			out.append("<ul class=\"finality\">");
			summary.stages().forEach((line) -> out.append("<li>").append(h(line)).append("</li>"));
			out.append("</ul>").append(NL);
		}
		out.append("<p class=\"figures\">").append(h(summary.figures())).append("</p>").append(NL);
		out.append("</body>").append(NL).append("</html>").append(NL);
		return out.toString();
	}

	private static String h(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String md(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ("\\`*_[]<>|#".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

}
