package org.jointops.support.catalogue;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Always UP (a service keeps serving with the catalogue it has); its details say which
 * catalogue version applies and when and by whom it was changed.
 */
public class CatalogueHealthIndicator extends AbstractHealthIndicator {

	private final CurrentCatalogue catalogue;

	public CatalogueHealthIndicator(CurrentCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		CatalogueSnapshot snapshot = this.catalogue.snapshot();
		builder.up().withDetail("version", snapshot.version());
		if (snapshot.changedAt() != null) {
			builder.withDetail("changedAt", snapshot.changedAt().toString());
		}
		if (snapshot.changedBy() != null) {
			builder.withDetail("changedBy", snapshot.changedBy());
		}
	}

}
