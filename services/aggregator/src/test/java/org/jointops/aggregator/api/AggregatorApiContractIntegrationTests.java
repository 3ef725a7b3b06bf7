package org.jointops.aggregator.api;

import org.junit.jupiter.api.Order;

/**
 * The aggregator's API description against the exchanges of the integration tests (real
 * HTTP, through test-support's {@code Http}, on a real broker): the same checks as
 * {@link AggregatorApiContractTests}, after every other integration test of the run.
 */
@Order(Integer.MAX_VALUE)
class AggregatorApiContractIntegrationTests extends AggregatorApiContractTests {

	@Override
	protected String name() {
		return "aggregator-integration";
	}

}
