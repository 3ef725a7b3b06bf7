package org.jointops.aggregator.routing;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many aggregator instances the deployment runs and how they answer for each other.
 *
 * @param expected instances the deployment runs ({@code jointops.instances.expected}, 1
 * by default); with more than one, each must advertise an address that identifies it
 * @param oneHost whether all instances run on this one machine
 * ({@code jointops.instances.one-host}: the local stack, tests), where a loopback address
 * with a port of its own does identify each
 * @param standbyReplicas Kafka Streams' {@code num.standby.replicas}
 * ({@code jointops.instances.standby-replicas}): copies of each store kept warm on other
 * instances, which answer while the store's active instance is unreachable; 1 by default,
 * placed only when {@code expected} is above 1 ({@link #placeableStandbyReplicas})
 * @param forwardTimeout how long a forwarded query may take before this instance answers
 * from a standby replica here, asks an instance that holds one, or answers 503
 * ({@code jointops.instances.forward-timeout}, 2 s; each forward may take this long)
 */
@ConfigurationProperties("jointops.instances")
@Validated
public record InstancesProperties(@Positive @DefaultValue("1") int expected, @DefaultValue("false") boolean oneHost,
		@PositiveOrZero @DefaultValue("1") int standbyReplicas, @DefaultValue("2s") Duration forwardTimeout) {

	public InstancesProperties {
		if (forwardTimeout == null || forwardTimeout.isZero() || forwardTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"jointops.instances.forward-timeout must be a positive duration, not " + forwardTimeout);
		}
	}

	/**
	 * Checks that an instance's address can tell it from the others.
	 * @param applicationServer the instance's {@code application.server}
	 * ({@code host:port})
	 * @throws IllegalStateException if several instances are expected on several machines
	 * and the host is a loopback or unspecified address, which every instance would
	 * advertise alike
	 */
	public void checkAdvertised(String applicationServer) {
		if (this.expected <= 1 || this.oneHost) {
			return;
		}
		int colon = applicationServer.lastIndexOf(':');
		String host = (colon > 0) ? applicationServer.substring(0, colon) : applicationServer;
		if (isLoopback(host)) {
			throw new IllegalStateException("This aggregator advertises " + applicationServer
					+ " (application.server), which does not tell it from the other " + (this.expected - 1)
					+ " instance(s) of jointops.instances.expected=" + this.expected
					+ ": set jointops.advertised-host to the name or address other instances and clients reach "
					+ "this one at (or jointops.instances.one-host=true if every instance runs on this machine "
					+ "with a port of its own)");
		}
	}

	/**
	 * The standby replicas Kafka Streams is asked for: {@code standby-replicas}, but no
	 * more than the other instances the deployment runs can hold (none for a single
	 * instance, which has nowhere to put one).
	 * @return the {@code num.standby.replicas} of Kafka Streams
	 */
	public int placeableStandbyReplicas() {
		return Math.min(this.standbyReplicas, this.expected - 1);
	}

	static boolean isLoopback(String host) {
		String bare = host.replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
		return bare.equals("localhost") || bare.endsWith(".localhost") || bare.startsWith("127.") || bare.equals("::1")
				|| bare.equals("0:0:0:0:0:0:0:1") || bare.equals("0.0.0.0") || bare.equals("::") || bare.isEmpty();
	}

}
