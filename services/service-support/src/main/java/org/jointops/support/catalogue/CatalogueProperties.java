package org.jointops.support.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalogue comes from besides the bundled file, and how its changes are
 * followed and made.
 *
 * @param extraFiles catalogue files merged after the bundled one, in order
 * ({@code jointops.catalogue.extra-files}): the start-up content, version 0
 * @param startupWait how long a service waits at start-up to read the versions already on
 * {@code catalogue.changes} before it serves ({@code jointops.catalogue.startup-wait}, 5
 * s by default)
 * @param catchUpTimeout aggregator only: how long a record that breaks the catalogue's
 * rules waits for the catalogue versions already written before it becomes a dead letter
 * ({@code jointops.catalogue.catch-up-timeout}, 2 s by default)
 * @param changeTimeout aggregator only: the longest wait of a change through the admin
 * API for Kafka: reading to the end, the acknowledgement, applying it
 * ({@code jointops.catalogue.change-timeout}, 10 s by default)
 */
@ConfigurationProperties("jointops.catalogue")
public record CatalogueProperties(@DefaultValue List<Path> extraFiles, @DefaultValue("5s") Duration startupWait,
		@DefaultValue("2s") Duration catchUpTimeout, @DefaultValue("10s") Duration changeTimeout) {
}
