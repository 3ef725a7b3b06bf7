package org.jointops.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs failed logins (meter {@code jointops.auth.failures}, tag {@code reason}
 * = missing, malformed or unknown), never with the secret presented.
 */
public class AuthenticationFailures {

	/** Name of the meter that counts failed logins. */
	public static final String METER = "jointops.auth.failures";

	private static final Logger logger = LoggerFactory.getLogger(AuthenticationFailures.class);

	private final MeterRegistry registry;

	public AuthenticationFailures(MeterRegistry registry) {
		this.registry = registry;
	}

	public void failed(String reason, HttpServletRequest request) {
		Counter.builder(METER)
			.description("Requests refused 401, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
		logger.warn("Failed login ({} credentials) from {} on {} {}", reason, request.getRemoteAddr(),
				request.getMethod(), request.getRequestURI());
	}

}
