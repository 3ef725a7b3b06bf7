package org.jointops.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * The chart: every ratio of the run on a logarithmic axis (a figure divided by its
 * baseline), one bar each, green where a target is met, red where it is missed, grey
 * where there is none; a black tick marks the target. Drawn with Java2D, headless.
 */
final class Chart {

	private static final int WIDTH = 1400;

	private static final int BAR = 22;

	private static final int GAP = 8;

	private static final int LABEL_WIDTH = 640;

	private static final int TOP = 70;

	private static final int BOTTOM = 50;

	private static final int RIGHT = 90;

	private static final double MIN_RATIO = 0.001;

	private static final Color MET = new Color(0x2E7D32);

	private static final Color MISSED = new Color(0xC62828);

	private static final Color NONE = new Color(0x9E9E9E);

	private Chart() {
	}

	static void write(Path file, Results results, boolean smoke) {
		List<Bar> bars = bars(results);
		int height = TOP + BOTTOM + Math.max(1, bars.size()) * (BAR + GAP);
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
			g.drawString("jointops ./bench: figure ÷ baseline (log scale)" + (smoke ? " — SMOKE RUN, not figures" : ""),
					20, 30);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.drawString("green: target met, red: missed, grey: no target; black tick: the target", 20, 50);
			double max = Math.max(10, bars.stream().mapToDouble(Bar::ratio).filter(Double::isFinite).max().orElse(1));
			int left = LABEL_WIDTH;
			int right = WIDTH - RIGHT;
			int axisBottom = height - BOTTOM;
			// decades
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			for (double decade = MIN_RATIO; decade <= max * 1.0001; decade *= 10) {
				int x = x(decade, left, right, max);
				g.setColor(new Color(0xE0E0E0));
				g.drawLine(x, TOP - 5, x, axisBottom);
				g.setColor(Color.DARK_GRAY);
				g.drawString(Formats.ratio(decade), x - 12, axisBottom + 16);
			}
			int one = x(1, left, right, max);
			g.setColor(Color.GRAY);
			g.setStroke(new BasicStroke(1.5f));
			g.drawLine(one, TOP - 5, one, axisBottom);
			int y = TOP;
			FontMetrics metrics = g.getFontMetrics();
			for (Bar bar : bars) {
				g.setColor(Color.BLACK);
				String label = fit(bar.label(), metrics, LABEL_WIDTH - 30);
				g.drawString(label, 15, y + BAR - 7);
				if (Double.isFinite(bar.ratio()) && bar.ratio() > 0) {
					int end = x(bar.ratio(), left, right, max);
					g.setColor(bar.color());
					g.fillRect(left, y, Math.max(1, end - left), BAR);
					g.setColor(Color.BLACK);
					g.drawString(Formats.ratio(bar.ratio()), Math.min(end + 4, right + 5), y + BAR - 7);
				}
				else {
					g.setColor(Color.GRAY);
					g.drawString("not measured", left + 4, y + BAR - 7);
				}
				if (Double.isFinite(bar.threshold())) {
					int tick = x(bar.threshold(), left, right, max);
					g.setColor(Color.BLACK);
					g.setStroke(new BasicStroke(3f));
					g.drawLine(tick, y - 3, tick, y + BAR + 3);
					g.setStroke(new BasicStroke(1f));
				}
				y += BAR + GAP;
			}
		}
		finally {
			g.dispose();
		}
		try {
			ImageIO.write(image, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Bar> bars(Results results) {
		List<Bar> bars = new ArrayList<>();
		Set<String> covered = new HashSet<>();
		for (Target.Verdict verdict : results.verdicts()) {
			Target target = verdict.target();
			if (target.baselineId() == null) {
				continue;
			}
			Row figure = results.row(target.figureId());
			Row baseline = results.row(target.baselineId());
			covered.add(target.figureId() + "/" + target.baselineId());
			Color color = switch (verdict.outcome()) {
				case MET -> MET;
				case MISSED -> MISSED;
				default -> NONE;
			};
			double threshold = switch (target.kind()) {
				case AT_LEAST, AT_MOST -> target.threshold();
				case WITHIN -> 1 - target.threshold();
				case REPORTED -> Double.NaN;
			};
			bars.add(new Bar(name(figure, target.figureId()) + " ÷ " + name(baseline, target.baselineId()),
					verdict.measured(), threshold, color));
		}
		for (Row row : results.rows()) {
			if (row.baselineId() != null && !covered.contains(row.id() + "/" + row.baselineId())) {
				bars.add(new Bar(row.measure() + " ÷ " + name(results.row(row.baselineId()), row.baselineId()),
						results.ratio(row), Double.NaN, NONE));
			}
		}
		return bars;
	}

	private static String name(Row row, String id) {
		return (row != null) ? row.measure() : id;
	}

	private static int x(double ratio, int left, int right, double max) {
		double clamped = Math.max(MIN_RATIO, Math.min(max, ratio));
		double share = (Math.log10(clamped) - Math.log10(MIN_RATIO)) / (Math.log10(max) - Math.log10(MIN_RATIO));
		return left + (int) Math.round(share * (right - left));
	}

	private static String fit(String text, FontMetrics metrics, int width) {
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String shortened = text;
		while (shortened.length() > 4 && metrics.stringWidth(shortened + "…") > width) {
			shortened = shortened.substring(0, shortened.length() - 1);
		}
		return shortened + "…";
	}

	/**
	 * One bar.
	 */
	private record Bar(String label, double ratio, double threshold, Color color) {

	}

}
