package org.jointops.aggregator.rates;

import java.util.List;
import java.util.stream.Collectors;

import org.jointops.catalogue.Violation;

/**
 * An exchange rate refused: answered 400 with {@code errors[{field, reason}]}; nothing is
 * written.
 */
class InvalidRateException extends RuntimeException {

	private final List<Violation> problems;

	InvalidRateException(List<Violation> problems) {
		super(problems.stream().map(Violation::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	List<Violation> problems() {
		return this.problems;
	}

}
