package org.jointops.producer.publish;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The producer must give up before the request does, so that a 503 means "not
 * acknowledged", and must wait for every in-sync replica, so that a 202 means "on
 * {@code min.insync.replicas} replicas".
 */
class PublishingBoundsTests {

	@Test
	void acceptsProducerBoundsShorterThanThePublishTimeout() {
		assertThatNoException().isThrownBy(() -> PublishingConfiguration
			.checkBounds(Map.of("max.block.ms", "4000", "delivery.timeout.ms", "5000"), Duration.ofSeconds(10)));
	}

	@Test
	void refusesProducerBoundsLongerThanThePublishTimeout() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(
					() -> PublishingConfiguration.checkBounds(Map.of("max.block.ms", "4000"), Duration.ofSeconds(10)))
			.withMessage("jointops.publish-timeout (10000 ms) must exceed the producer's max.block.ms + "
					+ "delivery.timeout.ms (124000 ms)");
	}

	@Test
	void acceptsAProducerThatWaitsForEveryInsyncReplica() {
		assertThatNoException().isThrownBy(() -> PublishingConfiguration.checkAcks(Map.of("acks", "all")));
		assertThatNoException().isThrownBy(() -> PublishingConfiguration.checkAcks(Map.of("acks", "-1")));
	}

	@Test
	void refusesAProducerThatDoesNotWaitForEveryInsyncReplica() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> PublishingConfiguration.checkAcks(Map.of("acks", "1")))
			.withMessage("spring.kafka.producer.acks is 1: it must be all, so that an accepted report is on "
					+ "min.insync.replicas replicas");
	}

}
