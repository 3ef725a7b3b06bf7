package org.jointops.aggregator.query;

import java.util.List;

/**
 * A query names codes the catalogue does not know.
 */
public class InvalidQueryException extends RuntimeException {

	private final List<String> problems;

	public InvalidQueryException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
