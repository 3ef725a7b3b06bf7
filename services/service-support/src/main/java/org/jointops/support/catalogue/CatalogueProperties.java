package org.jointops.support.catalogue;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalogue comes from besides the bundled file.
 *
 * @param extraFiles catalogue files merged after the bundled one, in order
 * ({@code jointops.catalogue.extra-files})
 */
@ConfigurationProperties("jointops.catalogue")
public record CatalogueProperties(@DefaultValue List<Path> extraFiles) {
}
