package org.jointops.support.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalogue comes from besides the bundled file, and how its changes are
 * followed.
 *
 * @param extraFiles catalogue files merged after the bundled one, in order
 * ({@code jointops.catalogue.extra-files}): the start-up content, version 0
 * @param startupWait how long a service waits at start-up to read the versions already on
 * {@code catalogue.changes} before it serves ({@code jointops.catalogue.startup-wait})
 */
@ConfigurationProperties("jointops.catalogue")
public record CatalogueProperties(@DefaultValue List<Path> extraFiles, @DefaultValue("5s") Duration startupWait) {
}
