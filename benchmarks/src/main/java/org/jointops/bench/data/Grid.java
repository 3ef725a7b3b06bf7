package org.jointops.bench.data;

import java.util.List;

/**
 * The cells of one operation: every combination of a state, an agency, a stage and a
 * category (all counts, so one currency) is a cell of the aggregator's ledger.
 *
 * @param states reporting states
 * @param agencies reporting agencies
 * @param stages stages of the operation, numbered from 1
 * @param categories categories of the programme used, {@link BenchCatalogue#category}
 * @param lines finding lines per report (distinct categories)
 */
public record Grid(List<String> states, List<String> agencies, int stages, int categories, int lines) {

	/**
	 * Cells of the operation.
	 * @return states × agencies × stages × categories
	 */
	public long cells() {
		return (long) this.states.size() * this.agencies.size() * this.stages * this.categories;
	}

	/**
	 * Combinations of a state, an agency and a stage: what one report is about.
	 * @return states × agencies × stages
	 */
	public int combinations() {
		return this.states.size() * this.agencies.size() * this.stages;
	}

	@Override
	public String toString() {
		return this.states.size() + " states × " + this.agencies.size() + " agencies × " + this.stages + " stages × "
				+ this.categories + " categories, " + this.lines + " lines per report";
	}

}
