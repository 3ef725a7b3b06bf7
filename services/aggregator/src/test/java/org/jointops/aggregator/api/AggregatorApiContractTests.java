package org.jointops.aggregator.api;

import org.jointops.aggregator.AggregatorApplication;
import org.jointops.aggregator.admin.CatalogueChangesStandIn;
import org.jointops.aggregator.feed.TotalsFeedStandIn;
import org.jointops.aggregator.rates.RegisterChangesStandIn;
import org.jointops.aggregator.security.SecurityConfiguration;
import org.jointops.testsupport.api.ApiContractTestCase;
import org.junit.jupiter.api.Order;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The aggregator's API description is valid OpenAPI and gives every status the web tests
 * observed (see {@link ApiContractTestCase}). Its context is every controller of the
 * aggregator, with the stores of {@link OperationsApiTests} and stand-ins for the live
 * feed's and the admin API's Kafka clients; it runs after every other test class.
 */
@WebMvcTest(
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.jointops\\.aggregator\\.openapi\\..*"),
		properties = "spring.config.name=" + AggregatorApplication.CONFIG_NAME)
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebMvcConfiguration.class })
@Import({ OperationsApiTests.Config.class, SecurityConfiguration.class, TotalsFeedStandIn.class,
		CatalogueChangesStandIn.class, RegisterChangesStandIn.class })
@Order(Integer.MAX_VALUE)
class AggregatorApiContractTests extends ApiContractTestCase {

	@Override
	protected String name() {
		return "aggregator";
	}

}
