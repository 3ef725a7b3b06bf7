package org.jointops.aggregator.security;

import java.net.URI;

/**
 * A reader asked for more than its role lets it see (403).
 */
public class ForbiddenException extends RuntimeException {

	/** The problem type of a 403. */
	public static final URI TYPE = URI.create("urn:jointops:problem:forbidden");

	ForbiddenException(String message) {
		super(message);
	}

}
