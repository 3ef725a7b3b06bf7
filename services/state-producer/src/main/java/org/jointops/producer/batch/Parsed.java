package org.jointops.producer.batch;

import java.util.ArrayList;
import java.util.List;

import org.jointops.catalogue.Violation;

/**
 * A value read from what the client wrote, with what was wrong with it: readers return it
 * rather than adding to a list they share.
 *
 * @param <T> the type of the value
 * @param value the value; null if nothing was written or it could not be read
 * @param problems what was wrong; empty if it was read
 */
record Parsed<T>(T value, List<Violation> problems) {

	Parsed {
		problems = List.copyOf(problems);
	}

	/**
	 * A value read without a problem.
	 * @param <T> the type of the value
	 * @param value the value, or null if nothing was written
	 * @return the value, without problems
	 */
	static <T> Parsed<T> of(T value) {
		return new Parsed<>(value, List.of());
	}

	/**
	 * A value that could not be read.
	 * @param <T> the type the value would have had
	 * @param field where the client wrote it
	 * @param reason why it could not be read
	 * @return no value, with its problem
	 */
	static <T> Parsed<T> refused(String field, String reason) {
		return new Parsed<>(null, List.of(new Violation(field, reason)));
	}

	/**
	 * Values read one by one, as a list.
	 * @param <T> the type of the values
	 * @param parts each value as read
	 * @return their values in order, with all their problems in order
	 */
	static <T> Parsed<List<T>> all(List<Parsed<T>> parts) {
		return new Parsed<>(parts.stream().map(Parsed::value).toList(), problemsOf(parts));
	}

	/**
	 * The problems of several values.
	 * @param parts the values as read
	 * @return their problems, in the order of the values
	 */
	static List<Violation> problemsOf(List<? extends Parsed<?>> parts) {
		List<Violation> problems = new ArrayList<>();
		parts.forEach((part) -> problems.addAll(part.problems()));
		return List.copyOf(problems);
	}

}
