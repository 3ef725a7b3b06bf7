package org.jointops.aggregator.register;

import org.springframework.http.HttpStatus;

/**
 * A register change that cannot be made now: the version asked for is not the current one
 * (412), another change took the version first (409), the topic cannot be reached (503).
 */
public class RegisterChangeRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final long currentVersion;

	RegisterChangeRefusedException(HttpStatus status, String type, String message, long currentVersion) {
		super(message);
		this.status = status;
		this.type = type;
		this.currentVersion = currentVersion;
	}

	/**
	 * The answer's status.
	 * @return 409, 412 or 503
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The problem type.
	 * @return a {@code urn:jointops:problem:} URN
	 */
	public String type() {
		return this.type;
	}

	/**
	 * The register's version when refused.
	 * @return the version
	 */
	public long currentVersion() {
		return this.currentVersion;
	}

}
