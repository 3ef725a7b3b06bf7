package org.jointops.aggregator.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jointops.aggregator.query.TotalsFilter;

/**
 * The filter parameters shared by the queries: each may be repeated or comma-separated
 * ({@code state=KAZ,RUS}).
 */
final class TotalsParameters {

	private TotalsParameters() {
	}

	static TotalsFilter filter(List<String> states, List<Integer> stages, List<String> agencies,
			List<String> categories) {
		return new TotalsFilter(codes(states), (stages != null) ? new LinkedHashSet<>(stages) : Set.of(),
				codes(agencies), codes(categories));
	}

	private static Set<String> codes(List<String> values) {
		Set<String> result = new LinkedHashSet<>();
		if (values != null) {
			values.stream().map(String::trim).filter((value) -> !value.isEmpty()).forEach(result::add);
		}
		return result;
	}

}
