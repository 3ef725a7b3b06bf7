package org.jointops.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jointops.testsupport.process.Host;
import org.jointops.testsupport.process.Network;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's network namespaces themselves: each host is reachable from the test on
 * its own address until it is cut off, and again once healed; whatever an earlier run
 * left is removed first, and nothing is left after.
 */
class NetworkIntegrationTests {

	private static final String PREFIX = "jonet";

	@Test
	void hostsAreReachableUntilCutOffAndNothingIsLeftBehind() {
		Network.assumeUsable();
		// what a killed run would have left
		ip("netns", "add", PREFIX + "-stale");
		ip("link", "add", PREFIX + "-v9", "type", "veth", "peer", "name", PREFIX + "-p9");
		ip("link", "add", PREFIX + "-br", "type", "bridge");

		Network network = Network.create(PREFIX);
		try {
			assertThat(network.existing()).as("after the leftovers were removed").containsExactly(PREFIX + "-br");
			Host service = network.host("service");
			Host node = network.host("node");
			assertThat(List.of(service.address(), node.address())).allMatch((a) -> a.startsWith(Network.SUBNET))
				.doesNotHaveDuplicates();
			assertThat(network.existing()).contains(PREFIX + "-service", PREFIX + "-node");
			awaitReachable(service, true);
			awaitReachable(node, true);

			network.cut(service);
			awaitReachable(service, false);
			assertThat(reachable(node)).as("the other host").isTrue();

			network.heal(service);
			awaitReachable(service, true);

			network.cut(node);
			awaitReachable(node, false);
			assertThat(reachable(service)).as("the other host").isTrue();
			network.heal(node);
			awaitReachable(node, true);
		}
		finally {
			network.close();
		}
		assertThat(network.existing()).as("namespaces and links named %s-… after close", PREFIX).isEmpty();
	}

	private static void awaitReachable(Host host, boolean reachable) {
		Awaitility.await(host + (reachable ? " reachable" : " cut off"))
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> reachable(host) == reachable);
	}

	/**
	 * Whether the host answers a connection at all: a refused connection (no one listens
	 * on the port) proves it is reachable, a timeout that it is not.
	 */
	private static boolean reachable(Host host) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host.address(), 9), 1000);
			return true;
		}
		catch (ConnectException ex) {
			return ex.getMessage() != null && ex.getMessage().contains("refused");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void ip(String... arguments) {
		try {
			String ip = Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")
				.filter((path) -> Files.isExecutable(Path.of(path)))
				.findFirst()
				.orElseThrow();
			List<String> command = new ArrayList<>(List.of(ip));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().transferTo(System.out);
			assertThat(process.waitFor()).as("ip %s", String.join(" ", arguments)).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
