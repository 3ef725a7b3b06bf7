package org.jointops.aggregator.feed;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the live feed of totals.
 *
 * @param clientBuffer events waiting for one client; a client that falls this far behind
 * is dropped (it reconnects with {@code Last-Event-ID} and catches up from the current
 * state)
 * @param maxClients clients served at once; more are answered 503
 * @param heartbeat how often an idle connection gets a comment, so that dead clients are
 * found and proxies keep the connection
 * @param timeout longest life of one connection; the client then reconnects
 */
@ConfigurationProperties("jointops.feed")
@Validated
record FeedProperties(@Positive @DefaultValue("256") int clientBuffer, @Positive @DefaultValue("100") int maxClients,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration timeout) {
}
