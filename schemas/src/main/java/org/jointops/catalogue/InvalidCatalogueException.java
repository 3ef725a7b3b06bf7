package org.jointops.catalogue;

import java.util.List;

/**
 * A catalogue that cannot be used; the message lists every problem found.
 */
public class InvalidCatalogueException extends RuntimeException {

	private final List<String> problems;

	public InvalidCatalogueException(List<String> problems) {
		super("Invalid catalogue:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidCatalogueException(String problem, Throwable cause) {
		super("Invalid catalogue: " + problem, cause);
		this.problems = List.of(problem);
	}

	public List<String> problems() {
		return this.problems;
	}

}
