package org.jointops.aggregator.admin;

import org.springframework.http.HttpStatus;

/**
 * A change that cannot be made now: the version asked for is not the current one (412),
 * another change took the version first (409), the catalogue topic cannot be reached
 * (503).
 */
class ChangeRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final long currentVersion;

	ChangeRefusedException(HttpStatus status, String type, String message, long currentVersion) {
		super(message);
		this.status = status;
		this.type = type;
		this.currentVersion = currentVersion;
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	long currentVersion() {
		return this.currentVersion;
	}

}
