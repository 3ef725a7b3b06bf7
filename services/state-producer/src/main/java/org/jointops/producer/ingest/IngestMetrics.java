package org.jointops.producer.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the answers given to agencies: meter {@code jointops.reports}, tag
 * {@code outcome} = accepted, invalid (400), forbidden (403) or unavailable (503).
 */
@Component
class IngestMetrics {

	static final String METER = "jointops.reports";

	private final Counter accepted;

	private final Counter invalid;

	private final Counter forbidden;

	private final Counter unavailable;

	IngestMetrics(MeterRegistry registry) {
		this.accepted = counter(registry, "accepted");
		this.invalid = counter(registry, "invalid");
		this.forbidden = counter(registry, "forbidden");
		this.unavailable = counter(registry, "unavailable");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METER)
			.description("Reports answered, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	void accepted() {
		this.accepted.increment();
	}

	void invalid() {
		this.invalid.increment();
	}

	void forbidden() {
		this.forbidden.increment();
	}

	void unavailable() {
		this.unavailable.increment();
	}

}
