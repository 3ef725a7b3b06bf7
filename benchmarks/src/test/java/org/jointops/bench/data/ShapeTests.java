package org.jointops.bench.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a shape's cells are laid out.
 */
class ShapeTests {

	@Test
	void fiftyThousandCellsAreFiveStatesFiveAgenciesTenStagesAndTwoHundredCategories() {
		Grid grid = Shape.parse("1x50000").grid(3);

		assertThat(grid.states()).containsExactly("ARM", "BLR", "KAZ", "KGZ", "RUS");
		assertThat(grid.agencies()).hasSize(5);
		assertThat(grid.stages()).isEqualTo(10);
		assertThat(grid.categories()).isEqualTo(200);
		assertThat(grid.cells()).isEqualTo(50_000);
		assertThat(grid.lines()).isEqualTo(3);
	}

	@Test
	void tenCellsKeepEnoughCategoriesForThreeLinesAReport() {
		Grid grid = Shape.parse("100x10").grid(3);

		assertThat(grid.categories()).isEqualTo(5);
		assertThat(grid.states()).hasSize(2);
		assertThat(grid.cells()).isEqualTo(10);
	}

	@Test
	void aReportHasNoMoreLinesThanTheOperationHasCategories() {
		Grid grid = Shape.parse("1x2").grid(3);

		assertThat(grid.cells()).isEqualTo(2);
		assertThat(grid.lines()).isLessThanOrEqualTo(grid.categories());
	}

	@Test
	void everyCellCountWithSmallFactorsIsLaidOutExactly() {
		for (int cells : new int[] { 1, 6, 7, 12, 42, 100, 210, 840, 1000, 19_000, 50_000, 100_000 }) {
			assertThat(new Shape(1, cells).grid(3).cells()).as("%d cells", cells).isEqualTo(cells);
		}
	}

	@Test
	void aShapeIsWrittenOperationsTimesCells() {
		assertThat(Shape.parse("100x10")).isEqualTo(new Shape(100, 10));
		assertThat(Shape.parse("1x50_000").tag()).isEqualTo("1x50000");
		assertThatIllegalArgumentException().isThrownBy(() -> Shape.parse("100"));
		assertThatIllegalArgumentException().isThrownBy(() -> Shape.parse("0x10"));
	}

}
