package org.jointops.bench.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jointops.catalogue.CatalogueLoader;
import org.jointops.catalogue.ReportRules;
import org.jointops.report.Finding;
import org.jointops.report.ReportRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preloaded revisions: valid for the run's catalogue (so that none becomes a dead
 * letter), mixed as asked, and adding up to the expected totals, recomputed here the
 * plain way from every revision.
 */
class RevisionStreamTests {

	@TempDir
	Path directory;

	@Test
	void everyRevisionFollowsTheReportRulesOfTheRunsCatalogue() {
		Shape shape = Shape.parse("3x200");
		Grid grid = shape.grid(3);
		Path file = BenchCatalogue.write(this.directory.resolve("catalogue.json"), List.of(grid), 3,
				Shape.parse("1x10").grid(3));
		ReportRules rules = new ReportRules(CatalogueLoader.load(List.of(file)));
		RevisionStream revisions = new RevisionStream(shape, grid, 5_000, RevisionStream.Mix.DEFAULT, 1);

		while (revisions.hasNext()) {
			ReportRevision revision = revisions.next().value();
			assertThat(rules.checkSubmission(revision)).as("%s", revision).isEmpty();
		}
	}

	@Test
	void theQueryOperationsRevisionsFollowTheRulesOfTheRunsCatalogueAndNameItsOwnOperation() {
		Grid grid = Shape.parse("1x1680").grid(3);
		Path file = BenchCatalogue.write(this.directory.resolve("catalogue.json"), List.of(Shape.parse("1x10").grid(3)),
				1, grid);
		ReportRules rules = new ReportRules(CatalogueLoader.load(List.of(file)));
		RevisionStream revisions = RevisionStream.ofQueries(grid, 3_000, RevisionStream.Mix.DEFAULT, 5);

		while (revisions.hasNext()) {
			ReportRevision revision = revisions.next().value();
			assertThat(revision.getOperation()).isEqualTo(BenchCatalogue.QUERIES);
			assertThat(rules.checkSubmission(revision)).as("%s", revision).isEmpty();
		}
		assertThat(revisions.produced()).isEqualTo(3_000);
		assertThat(revisions.expected().code(0)).isEqualTo(BenchCatalogue.QUERIES);
	}

	@Test
	void theExpectedTotalsAreThoseOfTheHighestRevisionOfEveryReportNotWithdrawn() {
		Shape shape = Shape.parse("4x60");
		Grid grid = shape.grid(3);
		RevisionStream revisions = new RevisionStream(shape, grid, 20_000, RevisionStream.Mix.DEFAULT, 7);
		Map<String, ReportRevision> highest = new HashMap<>();
		while (revisions.hasNext()) {
			ReportRevision revision = revisions.next().value();
			highest.merge(revision.getState() + "/" + revision.getReportId(), revision,
					(known, read) -> (read.getRevision() > known.getRevision()) ? read : known);
		}

		for (int operation = 0; operation < shape.operations(); operation++) {
			String code = BenchCatalogue.operation(operation);
			Map<String, Long> cells = new TreeMap<>();
			long reports = 0;
			for (ReportRevision report : highest.values()) {
				if (report.getWithdrawn() || !report.getOperation().equals(code)) {
					continue;
				}
				reports++;
				for (Finding finding : report.getFindings()) {
					long quantity = finding.getQuantity().longValueExact();
					cells.merge(finding.getCategory() + " total", quantity, Long::sum);
					cells.merge(finding.getCategory() + " state=" + report.getState(), quantity, Long::sum);
					cells.merge(finding.getCategory() + " stage=" + report.getStage(), quantity, Long::sum);
				}
			}
			assertThat(revisions.expected().reports(operation)).as("reports of %s", code).isEqualTo(reports);
			assertThat(revisions.expected().cells(operation)).as("cells of %s", code).isEqualTo(cells);
		}
	}

	@Test
	void theRevisionsAreMixedAsAsked() {
		Shape shape = Shape.parse("1x10");
		RevisionStream revisions = new RevisionStream(shape, shape.grid(3), 100_000, new RevisionStream.Mix(10, 15, 5),
				3);
		while (revisions.hasNext()) {
			revisions.next();
		}

		assertThat(revisions.count(RevisionStream.Kind.DUPLICATE)).isBetween(9_000L, 11_000L);
		assertThat(revisions.count(RevisionStream.Kind.CORRECTION)).isBetween(14_000L, 16_000L);
		assertThat(revisions.count(RevisionStream.Kind.WITHDRAWAL)).isBetween(4_000L, 6_000L);
		assertThat(revisions.count(RevisionStream.Kind.NEW)).isBetween(68_000L, 72_000L);
	}

	@Test
	void theSameSeedGivesTheSameRevisions() {
		Shape shape = Shape.parse("2x10");
		RevisionStream first = new RevisionStream(shape, shape.grid(3), 500, RevisionStream.Mix.DEFAULT, 11);
		RevisionStream second = new RevisionStream(shape, shape.grid(3), 500, RevisionStream.Mix.DEFAULT, 11);
		while (first.hasNext()) {
			ReportRevision one = first.next().value();
			ReportRevision other = second.next().value();
			assertThat(other.getReportId()).isEqualTo(one.getReportId());
			assertThat(other.getRevision()).isEqualTo(one.getRevision());
			assertThat(other.getFindings()).isEqualTo(one.getFindings());
		}
	}

}
