package org.jointops.producer.ingest;

import org.junit.jupiter.api.Order;

/**
 * The producer's API description against the exchanges of the integration tests (real
 * HTTP, through test-support's {@code Http}, on a real broker): the same checks as
 * {@link ProducerApiContractTests}, after every other integration test of the run.
 */
@Order(Integer.MAX_VALUE)
class ProducerApiContractIntegrationTests extends ProducerApiContractTests {

	@Override
	protected String name() {
		return "producer-integration";
	}

}
