package org.jointops.aggregator.topology;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this aggregator instance is reached, so that instances (and clients) can tell
 * which one holds an operation: with {@code server.port}, Kafka Streams'
 * {@code application.server}.
 *
 * @param advertisedHost the host other instances and clients reach this one at
 * ({@code jointops.advertised-host}, {@code localhost} by default)
 */
@ConfigurationProperties("jointops")
record InstanceProperties(@DefaultValue("localhost") String advertisedHost) {
}
