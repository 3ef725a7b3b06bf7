package org.jointops.aggregator.feed;

import org.jointops.wire.Topics;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code feed} health check (part of readiness): OUT_OF_SERVICE until the live feed
 * has read {@value Topics#COUNCIL_TOTALS} to its end, so that an instance takes feed
 * clients only once it serves them the latest totals.
 */
@Component("feedHealthIndicator")
class FeedHealthIndicator implements HealthIndicator {

	private final TotalsFeed feed;

	FeedHealthIndicator(TotalsFeed feed) {
		this.feed = feed;
	}

	@Override
	public Health health() {
		if (!this.feed.isCaughtUp()) {
			return Health.outOfService()
				.withDetail("reason", "reading " + Topics.COUNCIL_TOTALS + " to its end")
				.build();
		}
		return Health.up().withDetail("operations", this.feed.operations()).build();
	}

}
