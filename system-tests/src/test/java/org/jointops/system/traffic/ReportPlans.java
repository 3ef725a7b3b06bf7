package org.jointops.system.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of what agencies send: the same seed gives the same submissions, so
 * that a failure can be replayed.
 */
public final class ReportPlans {

	private static final String[] COUNT_CATEGORIES = { "IMMIGRATION_LAW_VIOLATIONS", "WANTED_PERSONS_DETAINED",
			"CASES_HUMAN_TRAFFICKING" };

	private ReportPlans() {
	}

	/**
	 * Reports whose every correction raises the figures: under such traffic no council
	 * total may ever go down, so a figure that does is a defect.
	 * @param random the generator
	 * @param states reporting states
	 * @param prefix report id prefix, to tell plans apart
	 * @param reports how many reports
	 * @param maxRevisions revisions per report, 1 to this
	 * @return submissions, revisions of each report in order, reports interleaved
	 */
	public static List<Submission> growing(Random random, List<String> states, String prefix, int reports,
			int maxRevisions) {
		List<List<Submission>> perReport = new ArrayList<>();
		for (int i = 0; i < reports; i++) {
			String state = states.get(i % states.size());
			String reportId = prefix + "-" + i;
			int stage = 1 + random.nextInt(2);
			List<Submission.Line> base = lines(random);
			int revisions = 1 + random.nextInt(maxRevisions);
			List<Submission> revisionsOfReport = new ArrayList<>();
			for (int revision = 1; revision <= revisions; revision++) {
				revisionsOfReport.add(new Submission(state, reportId, revision, stage, false, times(base, revision)));
			}
			perReport.add(revisionsOfReport);
		}
		return interleave(random, perReport);
	}

	/**
	 * Reports with corrections that go up and down, withdrawals, revisions after a
	 * withdrawal, duplicates, all shuffled so that revisions arrive out of order.
	 * @param random the generator
	 * @param states reporting states
	 * @param prefix report id prefix
	 * @param reports how many reports
	 * @return submissions in a random order
	 */
	public static List<Submission> disorderly(Random random, List<String> states, String prefix, int reports) {
		List<Submission> all = new ArrayList<>();
		for (int i = 0; i < reports; i++) {
			String state = states.get(i % states.size());
			String reportId = prefix + "-" + i;
			int stage = 1 + random.nextInt(2);
			int revisions = 1 + random.nextInt(4);
			for (int revision = 1; revision <= revisions; revision++) {
				boolean withdrawn = random.nextInt(4) == 0;
				List<Submission.Line> lines = withdrawn ? List.of() : lines(random);
				Submission submission = new Submission(state, reportId, revision, stage, withdrawn, lines);
				all.add(submission);
				if (random.nextInt(5) == 0) {
					all.add(submission); // the same revision again, as a retrying client
											// sends it
				}
			}
		}
		Collections.shuffle(all, random);
		return all;
	}

	private static List<Submission.Line> lines(Random random) {
		List<Submission.Line> lines = new ArrayList<>();
		for (String category : COUNT_CATEGORIES) {
			if (random.nextInt(3) > 0) {
				lines.add(new Submission.Line(category, BigDecimal.valueOf(random.nextInt(500)), null));
			}
		}
		if (random.nextBoolean()) {
			lines.add(new Submission.Line("FINES_IMPOSED", BigDecimal.valueOf(random.nextInt(1_000_000), 2), "USD"));
		}
		return lines;
	}

	private static List<Submission.Line> times(List<Submission.Line> lines, int factor) {
		return lines.stream()
			.map((line) -> new Submission.Line(line.category(), line.quantity().multiply(BigDecimal.valueOf(factor)),
					line.currency()))
			.toList();
	}

	/** Keeps each report's revisions in order while mixing the reports. */
	private static List<Submission> interleave(Random random, List<List<Submission>> perReport) {
		List<Submission> result = new ArrayList<>();
		List<List<Submission>> pending = new ArrayList<>();
		perReport.forEach((revisions) -> pending.add(new ArrayList<>(revisions)));
		while (!pending.isEmpty()) {
			int pick = random.nextInt(pending.size());
			List<Submission> next = pending.get(pick);
			result.add(next.remove(0));
			if (next.isEmpty()) {
				pending.remove(pick);
			}
		}
		return result;
	}

}
