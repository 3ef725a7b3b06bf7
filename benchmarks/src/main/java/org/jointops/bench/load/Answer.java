package org.jointops.bench.load;

/**
 * What counts as a successful answer, and how much work it stands for.
 */
@FunctionalInterface
public interface Answer {

	/**
	 * The units of work an answer confirms: 1 for an accepted report, the number of
	 * accepted reports for a batch, or -1 if the answer is a failure.
	 * @param status the status code
	 * @param body the body, decoded from any chunked transfer encoding (empty unless
	 * {@link #needsBody()})
	 * @return units confirmed, or -1
	 */
	int units(int status, byte[] body);

	/**
	 * Whether {@link #units} reads the body; if not, bodies are skipped, not copied.
	 * @return true if the body is needed
	 */
	default boolean needsBody() {
		return false;
	}

	/**
	 * One unit for the expected status code, a failure for anything else.
	 * @param expected e.g. 202
	 * @return the rule
	 */
	static Answer status(int expected) {
		return (status, body) -> (status == expected) ? 1 : -1;
	}

}
