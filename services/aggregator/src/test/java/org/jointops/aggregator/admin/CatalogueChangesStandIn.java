package org.jointops.aggregator.admin;

import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The admin API's controller without its Kafka producer, for web tests that describe the
 * whole API and send it no change (changes are tested on a real broker,
 * {@code CatalogueAdminIntegrationTests}).
 */
@TestConfiguration
public class CatalogueChangesStandIn {

	@Bean
	CatalogueChanges catalogueChanges() {
		return Mockito.mock(CatalogueChanges.class);
	}

}
