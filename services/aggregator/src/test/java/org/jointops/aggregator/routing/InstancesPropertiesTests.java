package org.jointops.aggregator.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An advertised address that cannot tell an instance from the others is refused at start;
 * standby replicas are asked for only where other instances can hold them.
 */
class InstancesPropertiesTests {

	@Test
	void refusesALoopbackAddressWhenSeveralInstancesRunOnSeveralMachines() {
		InstancesProperties two = instances(2, false);
		for (String server : new String[] { "localhost:8080", "127.0.0.1:8080", "127.0.1.1:8080", "[::1]:8080",
				"0.0.0.0:8080" }) {
			assertThatIllegalStateException().as(server)
				.isThrownBy(() -> two.checkAdvertised(server))
				.withMessageContaining("advertises " + server)
				.withMessageContaining("jointops.instances.expected=2")
				.withMessageContaining("set jointops.advertised-host");
		}
	}

	@Test
	void acceptsAnAddressThatIdentifiesTheInstance() {
		assertThatNoException().isThrownBy(() -> instances(2, false).checkAdvertised("aggregator-1.internal:8080"));
		assertThatNoException().isThrownBy(() -> instances(3, false).checkAdvertised("10.0.4.17:8080"));
	}

	@Test
	void acceptsLoopbackForOneInstanceOrInstancesOnOneMachine() {
		assertThatNoException().isThrownBy(() -> instances(1, false).checkAdvertised("localhost:8080"));
		assertThatNoException().isThrownBy(() -> instances(2, true).checkAdvertised("localhost:8081"));
	}

	@Test
	void placesAsManyStandbyReplicasAsTheOtherInstancesCanHold() {
		assertThat(new InstancesProperties(1, false, 1, Duration.ofSeconds(2)).placeableStandbyReplicas()).isZero();
		assertThat(new InstancesProperties(2, false, 1, Duration.ofSeconds(2)).placeableStandbyReplicas()).isOne();
		assertThat(new InstancesProperties(3, false, 1, Duration.ofSeconds(2)).placeableStandbyReplicas()).isOne();
		assertThat(new InstancesProperties(2, false, 2, Duration.ofSeconds(2)).placeableStandbyReplicas()).isOne();
		assertThat(new InstancesProperties(3, false, 0, Duration.ofSeconds(2)).placeableStandbyReplicas()).isZero();
	}

	@Test
	void refusesAForwardTimeoutThatIsNotPositive() {
		for (Duration timeout : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new InstancesProperties(2, false, 1, timeout))
				.withMessageContaining("jointops.instances.forward-timeout must be a positive duration");
		}
	}

	private static InstancesProperties instances(int expected, boolean oneHost) {
		return new InstancesProperties(expected, oneHost, 0, Duration.ofSeconds(2));
	}

}
