package org.jointops.aggregator.rates;

import org.jointops.aggregator.register.RegisterChanges;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The register's writer without its Kafka producer, for web tests that describe the whole
 * API and change no register (changes are tested on a real broker,
 * {@code ExchangeRatesIntegrationTests}, and against {@link RegisterStandIn} in
 * {@code ExchangeRatesApiTests}).
 */
@TestConfiguration
public class RegisterChangesStandIn {

	@Bean
	RegisterChanges registerChanges() {
		return Mockito.mock(RegisterChanges.class);
	}

}
