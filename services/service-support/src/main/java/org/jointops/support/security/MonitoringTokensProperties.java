package org.jointops.support.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monitoring tokens of a service, known only by their SHA-256 hashes.
 *
 * @param monitoringTokens the hashes ({@code sha256:<hex>}), a list or comma-separated
 * ({@code jointops.monitoring-tokens}); none by default, and then only a reader with the
 * right role reaches the metrics
 */
@ConfigurationProperties("jointops")
public record MonitoringTokensProperties(List<String> monitoringTokens) {

	public MonitoringTokensProperties {
		monitoringTokens = (monitoringTokens != null) ? List.copyOf(monitoringTokens) : List.of();
	}

}
