package org.jointops.producer.ingest;

import org.jointops.producer.StateProducerApplication;
import org.jointops.producer.security.ReportMarks;
import org.jointops.producer.security.ReportOwners;
import org.jointops.producer.security.SecurityConfiguration;
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
 * The producer's API description is valid OpenAPI and gives every status the web tests
 * observed (see {@link ApiContractTestCase}). Its context is the whole HTTP side of the
 * producer, with Kafka stood in for as in {@link ReportValidationTests}; it runs after
 * every other test class.
 */
@WebMvcTest(
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "org\\.jointops\\.producer\\.batch\\.BatchSubmission",
						"org\\.jointops\\.producer\\.openapi\\..*" }),
		properties = { "spring.config.name=" + StateProducerApplication.CONFIG_NAME, "jointops.state=KAZ" })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebMvcConfiguration.class })
@Import({ SecurityConfiguration.class, ReportOwners.class, ReportMarks.class, ReportIntake.class, StageLocks.class,
		IngestMetrics.class, ReportValidationTests.Config.class })
@Order(Integer.MAX_VALUE)
class ProducerApiContractTests extends ApiContractTestCase {

	@Override
	protected String name() {
		return "producer";
	}

}
