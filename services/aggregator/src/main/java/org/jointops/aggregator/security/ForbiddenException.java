package org.jointops.aggregator.security;

import java.net.URI;

import org.jointops.support.security.BearerProblems;

/**
 * A reader asked for more than its role lets it see (403).
 */
public class ForbiddenException extends RuntimeException {

	/** The problem type of a 403. */
	public static final URI TYPE = BearerProblems.FORBIDDEN;

	ForbiddenException(String message) {
		super(message);
	}

}
