package org.jointops.bench.report;

import org.jointops.bench.load.Latencies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets checked against the figures of a run.
 */
class TargetTests {

	@Test
	void aRatioTargetIsMetAtItsThresholdAndMissedBelow() {
		Results results = results(400, 1000);

		assertThat(new Target("", "figure", "baseline", Target.Kind.AT_LEAST, 0.40).check(results).outcome())
			.isEqualTo(Target.Outcome.MET);
		assertThat(new Target("", "figure", "baseline", Target.Kind.AT_LEAST, 0.41).check(results).outcome())
			.isEqualTo(Target.Outcome.MISSED);
	}

	@Test
	void withinATwentiethOfItselfIsBothWays() {
		assertThat(new Target("", "figure", "baseline", Target.Kind.WITHIN, 0.20).check(results(1190, 1000)).outcome())
			.isEqualTo(Target.Outcome.MET);
		assertThat(new Target("", "figure", "baseline", Target.Kind.WITHIN, 0.20).check(results(1210, 1000)).outcome())
			.isEqualTo(Target.Outcome.MISSED);
		assertThat(new Target("", "figure", "baseline", Target.Kind.WITHIN, 0.20).check(results(790, 1000)).outcome())
			.isEqualTo(Target.Outcome.MISSED);
	}

	@Test
	void aFigureThatDidNotFinishMissesItsTargetWhateverItsValue() {
		Results results = results(5000, 1000);
		results.mark("figure", Status.DID_NOT_FINISH, 5000, "timed out");

		Target.Verdict verdict = new Target("", "figure", "baseline", Target.Kind.AT_LEAST, 0.5).check(results);

		assertThat(verdict.outcome()).isEqualTo(Target.Outcome.MISSED);
		assertThat(verdict.measured()).isEqualTo(5.0);
	}

	@Test
	void aTargetWithoutItsFiguresIsNotMeasured() {
		Results results = results(400, 1000);
		results.plan("other", "group", "other", "s", null);

		assertThat(new Target("", "other", null, Target.Kind.AT_MOST, 20).check(results).outcome())
			.isEqualTo(Target.Outcome.NOT_MEASURED);
	}

	private static Results results(double figure, double baseline) {
		Results results = new Results();
		results.plan("baseline", "group", "baseline", "records/s", null);
		results.plan("figure", "group", "figure", "records/s", "baseline");
		results.measured("baseline", baseline, Latencies.NONE, "");
		results.measured("figure", figure, Latencies.NONE, "");
		return results;
	}

}
