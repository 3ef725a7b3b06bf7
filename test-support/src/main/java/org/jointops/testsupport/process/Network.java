package org.jointops.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A network of Linux network namespaces that a test makes, one per process, so that it
 * can cut a process off for real: each {@link Host} is a namespace of its own joined to
 * one bridge by a veth pair, with an address of its own on {@value #SUBNET}0/24; setting
 * the bridge's end of a veth down cuts the host off (its connections time out, as with a
 * pulled cable: clients, replication and KRaft's controller traffic alike) and setting it
 * up heals it. The bridge has {@value #SUBNET}1 in the test JVM's own namespace, so that
 * the test's observers reach every process: a namespace made for the tests too (named by
 * {@value #TEST_NAMESPACE}, made by the script system-tests starts its JVM with), so that
 * no address is ever on the machine's own network.
 * <p>
 * Every name starts with the network's prefix: namespaces {@code <prefix>-<host>}, the
 * bridge {@code <prefix>-br}, veths {@code <prefix>-v<n>}. Whatever an earlier run with
 * the same prefix left behind (a killed JVM) is removed first; {@link #close()} removes
 * everything this network made, and a shutdown hook does if the test's JVM ends before.
 * <p>
 * Needs root, iproute2's {@code ip} and a JVM in a namespace of its own:
 * {@link #assumeUsable()} skips a test without them (fails it in CI).
 */
public final class Network implements AutoCloseable {

	/** The network's first three octets. */
	public static final String SUBNET = "10.77.0.";

	/**
	 * The environment variable that names the network namespace this JVM runs in, made
	 * for the tests by the script that starts it (system-tests'
	 * {@code src/test/netns/bin/java}): the bridge and its address live there, not on the
	 * machine's own network.
	 */
	public static final String TEST_NAMESPACE = "JOINTOPS_TEST_NAMESPACE";

	private static final Pattern PREFIX = Pattern.compile("[a-z]{2,8}");

	private static final int MAX_HOSTS = 200;

	private static final List<Path> IP_LOCATIONS = List.of(Path.of("/usr/sbin/ip"), Path.of("/sbin/ip"),
			Path.of("/usr/bin/ip"), Path.of("/bin/ip"));

	private final String prefix;

	private final String ip;

	private final Map<Host, String> hosts = new LinkedHashMap<>();

	private boolean bridgeMade;

	private final Thread shutdownHook;

	private boolean closed;

	private Network(String prefix, String ip) {
		this.prefix = prefix;
		this.ip = ip;
		this.shutdownHook = new Thread(this::closeQuietly, "network-" + prefix + "-teardown");
	}

	/**
	 * Why network namespaces cannot be made here, if they cannot.
	 * @return the reason, or empty when they can
	 */
	public static Optional<String> unusableBecause() {
		Optional<Integer> uid = uid();
		if (uid.isEmpty()) {
			return Optional.of("network namespaces need Linux (no /proc/self)");
		}
		if (uid.get() != 0) {
			return Optional.of("network namespaces need root (ip netns add), this JVM runs as uid " + uid.get());
		}
		if (ipCommand().isEmpty()) {
			return Optional.of("iproute2's ip command is not installed (looked in " + IP_LOCATIONS + ")");
		}
		if (System.getenv(TEST_NAMESPACE) == null) {
			return Optional.of("this JVM does not run in a network namespace of its own (" + TEST_NAMESPACE
					+ " unset): the bridge's address must not be on the machine's own network; system-tests runs "
					+ "its JVM through src/test/netns/bin/java, which makes one");
		}
		return Optional.empty();
	}

	/**
	 * Skips the calling test, with the reason, when network namespaces cannot be made
	 * here; in CI ({@code CI=true}), where every suite must run, fails it instead.
	 */
	public static void assumeUsable() {
		Optional<String> reason = unusableBecause();
		if (reason.isPresent() && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI must run the network suites as root with iproute2 installed "
					+ "(.ci/run installs it): " + reason.get());
		}
		Assumptions.assumeTrue(reason.isEmpty(), () -> "Needs network namespaces: " + reason.orElse(""));
	}

	/**
	 * Removes what an earlier run with this prefix left, then makes the bridge.
	 * @param prefix two to eight lower-case letters that name everything this network
	 * makes, e.g. {@code jopart}
	 * @return the network, without hosts
	 */
	public static Network create(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("A network prefix is 2 to 8 lower-case letters, not " + prefix);
		}
		String ip = ipCommand().orElseThrow(() -> new IllegalStateException(unusableBecause().orElse("no ip")));
		Network network = new Network(prefix, ip);
		Runtime.getRuntime().addShutdownHook(network.shutdownHook);
		try {
			network.removeLeftovers();
			network.requireFreeSubnet();
			network.addBridge();
			return network;
		}
		catch (RuntimeException | Error ex) {
			network.close();
			throw ex;
		}
	}

	/**
	 * A new host on the network.
	 * @param name what runs there, e.g. {@code producer-kaz} or {@code kafka-1}
	 * @return the host, its namespace and link up
	 */
	public synchronized Host host(String name) {
		requireOpen();
		int index = this.hosts.size() + 1;
		if (index > MAX_HOSTS) {
			throw new IllegalStateException("A network has at most " + MAX_HOSTS + " hosts");
		}
		String namespace = this.prefix + "-" + name;
		String address = SUBNET + (index + 1);
		Host host = Host.inNamespace(name, namespace, address, this.ip);
		String veth = this.prefix + "-v" + index;
		this.hosts.put(host, veth);
		ip("netns", "add", namespace);
		ip("-n", namespace, "link", "set", "lo", "up");
		ip("link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace);
		ip("link", "set", veth, "master", bridge());
		ip("link", "set", veth, "up");
		ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
		ip("-n", namespace, "link", "set", "eth0", "up");
		return host;
	}

	/**
	 * Cuts the host off (its link down): nothing reaches it, it reaches nothing.
	 * @param host a host of this network
	 */
	public void cut(Host host) {
		ip("link", "set", link(host), "down");
	}

	/**
	 * Connects the host again (its link up).
	 * @param host a host of this network
	 */
	public void heal(Host host) {
		ip("link", "set", link(host), "up");
	}

	/**
	 * Removes every namespace, veth and bridge this network made (a process still in a
	 * namespace is killed first). Failures are collected: everything that can be removed
	 * is.
	 */
	@Override
	public void close() {
		List<String> failures = teardown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook is running or has run
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException(
					"Could not remove everything network " + this.prefix + " made: " + failures);
		}
	}

	/**
	 * Names of everything this network's prefix names that exists now, made by it or left
	 * over: for a test of the teardown.
	 * @return namespaces and links
	 */
	public List<String> existing() {
		return Stream.concat(namespacesWithPrefix().stream(), linksWithPrefix().stream()).toList();
	}

	private void closeQuietly() {
		teardown();
	}

	private synchronized List<String> teardown() {
		List<String> failures = new ArrayList<>();
		if (this.closed) {
			return failures;
		}
		this.closed = true;
		List<Host> made = new ArrayList<>(this.hosts.keySet());
		java.util.Collections.reverse(made);
		for (Host host : made) {
			attempt(failures, () -> killProcessesIn(host.namespace()));
			attempt(failures, () -> removeLink(this.hosts.get(host)));
			attempt(failures, () -> removeNamespace(host.namespace()));
		}
		if (this.bridgeMade) {
			attempt(failures, () -> removeLink(bridge()));
		}
		return failures;
	}

	private void removeLeftovers() {
		for (String namespace : namespacesWithPrefix()) {
			killProcessesIn(namespace);
			removeNamespace(namespace);
		}
		// veths first: a bridge goes last
		List<String> links = linksWithPrefix();
		links.stream().filter((link) -> !link.equals(bridge())).forEach(this::removeLink);
		links.stream().filter((link) -> link.equals(bridge())).forEach(this::removeLink);
	}

	private void requireFreeSubnet() {
		String addresses = ip("-o", "-4", "addr", "show");
		if (addresses.contains(" " + SUBNET)) {
			throw new IllegalStateException("Addresses of " + SUBNET + "0/24 are already in use on this machine: "
					+ addresses.lines().filter((line) -> line.contains(" " + SUBNET)).toList());
		}
	}

	private void addBridge() {
		ip("link", "add", bridge(), "type", "bridge");
		this.bridgeMade = true;
		ip("addr", "add", SUBNET + "1/24", "dev", bridge());
		ip("link", "set", bridge(), "up");
	}

	private String bridge() {
		return this.prefix + "-br";
	}

	private List<String> namespacesWithPrefix() {
		return ip("netns", "list").lines()
			.map((line) -> line.split("\\s+")[0])
			.filter((name) -> name.startsWith(this.prefix + "-"))
			.toList();
	}

	private List<String> linksWithPrefix() {
		// "12: jopart-1c@if11: <BROADCAST,...>"
		return ip("-o", "link", "show").lines()
			.map((line) -> line.split(":\\s+", 3))
			.filter((parts) -> parts.length > 1)
			.map((parts) -> parts[1].split("@")[0])
			.filter((name) -> name.startsWith(this.prefix + "-"))
			.toList();
	}

	private void killProcessesIn(String namespace) {
		String pids = ipAllowingFailure("netns", "pids", namespace);
		pids.lines().map(String::strip).filter((pid) -> pid.matches("\\d+")).forEach((pid) -> {
			ProcessHandle.of(Long.parseLong(pid)).ifPresent((process) -> {
				process.destroyForcibly();
				process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally((ex) -> process).join();
			});
		});
	}

	private void removeLink(String link) {
		if (linkExists(link)) {
			ip("link", "del", link);
		}
	}

	private boolean linkExists(String link) {
		return run(List.of(this.ip, "link", "show", link)).exit() == 0;
	}

	private void removeNamespace(String namespace) {
		if (ip("netns", "list").lines().anyMatch((line) -> line.split("\\s+")[0].equals(namespace))) {
			ip("netns", "del", namespace);
		}
	}

	private String link(Host host) {
		String link = this.hosts.get(host);
		if (link == null) {
			throw new IllegalArgumentException(host + " is not a host of network " + this.prefix);
		}
		return link;
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("Network " + this.prefix + " is closed");
		}
	}

	private String ip(String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.ip));
		command.addAll(List.of(arguments));
		Result result = run(command);
		if (result.exit() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (" + result.exit() + "): " + result.output().strip());
		}
		return result.output();
	}

	private String ipAllowingFailure(String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.ip));
		command.addAll(List.of(arguments));
		return run(command).output();
	}

	private static Result run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end within 30 s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
	}

	private static void attempt(List<String> failures, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			failures.add(ex.getMessage());
		}
	}

	private static Optional<Integer> uid() {
		try {
			return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> ipCommand() {
		return IP_LOCATIONS.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
	}

	private record Result(int exit, String output) {

	}

}
