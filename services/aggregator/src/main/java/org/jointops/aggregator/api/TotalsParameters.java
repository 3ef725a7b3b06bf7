package org.jointops.aggregator.api;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jointops.aggregator.query.InvalidQueryException;
import org.jointops.aggregator.query.TotalsFilter;
import org.jointops.catalogue.Untrusted;

/**
 * The filter parameters shared by the queries: each may be repeated or comma-separated
 * ({@code state=KAZ,RUS}).
 */
final class TotalsParameters {

	private TotalsParameters() {
	}

	static TotalsFilter filter(List<String> states, List<String> stages, List<String> agencies,
			List<String> categories) {
		return new TotalsFilter(codes(states), stageNumbers(stages), codes(agencies), codes(categories));
	}

	/**
	 * Stage numbers; empty values filter nothing, anything else must be a number.
	 * @param values the parameter's values, each possibly comma-separated
	 * @return the stage numbers
	 * @throws InvalidQueryException if a value is not a number
	 */
	private static Set<Integer> stageNumbers(List<String> values) {
		Set<Integer> numbers = new LinkedHashSet<>();
		for (String value : codes(values)) {
			try {
				numbers.add(Integer.parseInt(value));
			}
			catch (NumberFormatException ex) {
				throw InvalidQueryException.of("stage", "must be a stage number, not " + Untrusted.quoted(value));
			}
		}
		return numbers;
	}

	private static Set<String> codes(List<String> values) {
		Set<String> result = new LinkedHashSet<>();
		if (values != null) {
			// Spring splits a single value at commas, not repeated ones: split them all
			// here
			values.stream()
				.flatMap((value) -> Arrays.stream(value.split(",")))
				.map(String::trim)
				.filter((value) -> !value.isEmpty())
				.forEach(result::add);
		}
		return result;
	}

}
