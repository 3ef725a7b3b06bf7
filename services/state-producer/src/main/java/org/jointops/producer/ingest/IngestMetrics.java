package org.jointops.producer.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the answers given to agencies: meter {@code jointops.reports}, tag
 * {@code outcome} = accepted, invalid (400), forbidden (403), locked (409: a submitted or
 * accepted stage), withdrawn (409: a revision not higher than the report's withdrawal),
 * unavailable (503) or checked (valid in a dry run, not sent). A batch counts each of its
 * reports.
 */
@Component
public class IngestMetrics {

	static final String METER = "jointops.reports";

	private final Counter accepted;

	private final Counter invalid;

	private final Counter forbidden;

	private final Counter locked;

	private final Counter withdrawn;

	private final Counter unavailable;

	private final Counter checked;

	IngestMetrics(MeterRegistry registry) {
		this.accepted = counter(registry, "accepted");
		this.invalid = counter(registry, "invalid");
		this.forbidden = counter(registry, "forbidden");
		this.locked = counter(registry, "locked");
		this.withdrawn = counter(registry, "withdrawn");
		this.unavailable = counter(registry, "unavailable");
		this.checked = counter(registry, "checked");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METER)
			.description("Reports answered, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	public void accepted() {
		this.accepted.increment();
	}

	public void invalid() {
		this.invalid.increment();
	}

	public void forbidden() {
		this.forbidden.increment();
	}

	public void locked() {
		this.locked.increment();
	}

	public void withdrawn() {
		this.withdrawn.increment();
	}

	public void unavailable() {
		this.unavailable.increment();
	}

	public void checked() {
		this.checked.increment();
	}

}
