package org.jointops.aggregator.query;

import java.util.List;
import java.util.stream.Collectors;

import org.jointops.catalogue.Untrusted;
import org.jointops.catalogue.Violation;

/**
 * A query the API cannot answer as asked: codes the catalogue does not know, a language
 * or format it does not write. Answered 400 with {@code errors[{field, reason}]}.
 */
public class InvalidQueryException extends RuntimeException {

	private final List<Violation> problems;

	/**
	 * Creates the exception for the given problems.
	 * @param problems each offending parameter and why
	 */
	public InvalidQueryException(List<Violation> problems) {
		super(problems.stream().map(Violation::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * One offending parameter.
	 * @param parameter the query parameter
	 * @param reason why, showing what the client sent only through {@link Untrusted}
	 * @return the exception
	 */
	public static InvalidQueryException of(String parameter, String reason) {
		return new InvalidQueryException(List.of(new Violation(parameter, reason)));
	}

	public List<Violation> problems() {
		return this.problems;
	}

}
