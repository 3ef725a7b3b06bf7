package org.jointops.aggregator.admin;

import java.util.List;
import java.util.stream.Collectors;

import org.jointops.catalogue.Violation;

/**
 * A catalogue change refused: answered 400 with {@code errors[{field, reason}]}; nothing
 * is written.
 */
class InvalidChangeException extends RuntimeException {

	private final List<Violation> problems;

	InvalidChangeException(List<Violation> problems) {
		super(problems.stream().map(Violation::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	List<Violation> problems() {
		return this.problems;
	}

}
