package org.jointops.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A network of Linux network namespaces that a test makes, one per process, so that it
 * can cut a process off for real: each {@link Host} is a namespace of its own joined to a
 * bridge by a veth pair, with an address of its own; setting the bridge's end of a veth
 * down cuts the host off (its connections time out, as with a pulled cable) and setting
 * it up heals it.
 * <p>
 * Two LANs, each a bridge: the client LAN ({@value #CLIENT_SUBNET}0/24), on which every
 * host and the test's own JVM are (the bridge has {@value #CLIENT_SUBNET}1 in the test's
 * namespace, so that its observers reach every process), and the controller LAN
 * ({@value #CONTROLLER_SUBNET}0/24, no address outside the namespaces) that only Kafka
 * nodes join, for KRaft's controller traffic. Cutting a node's client link alone leaves
 * it in the controller quorum and its broker registered, while no client and no other
 * broker reaches it: the partition in which a leader shrinks its in-sync replicas.
 * <p>
 * Every name starts with the network's prefix: namespaces {@code <prefix>-<host>},
 * bridges {@code <prefix>-c} and {@code <prefix>-k}, veths {@code <prefix>-<n>c} and
 * {@code <prefix>-<n>k}. Whatever an earlier run with the same prefix left behind (a
 * killed JVM) is removed first; {@link #close()} removes everything this network made,
 * and a shutdown hook does if the test's JVM ends before.
 * <p>
 * Needs root and iproute2's {@code ip}: {@link #assumeUsable()} skips a test without
 * them.
 */
public final class Network implements AutoCloseable {

	/** The client LAN's first three octets. */
	public static final String CLIENT_SUBNET = "10.77.0.";

	/** The controller LAN's first three octets. */
	public static final String CONTROLLER_SUBNET = "10.78.0.";

	private static final Pattern PREFIX = Pattern.compile("[a-z]{2,8}");

	private static final int MAX_HOSTS = 200;

	private static final List<Path> IP_LOCATIONS = List.of(Path.of("/usr/sbin/ip"), Path.of("/sbin/ip"),
			Path.of("/usr/bin/ip"), Path.of("/bin/ip"));

	private final String prefix;

	private final String ip;

	private final Map<Host, Map<Lan, String>> hosts = new LinkedHashMap<>();

	private final List<String> bridges = new ArrayList<>();

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
		return Optional.empty();
	}

	/**
	 * Skips the calling test, with the reason, when network namespaces cannot be made
	 * here.
	 */
	public static void assumeUsable() {
		Optional<String> reason = unusableBecause();
		Assumptions.assumeTrue(reason.isEmpty(), () -> "Needs network namespaces: " + reason.orElse(""));
	}

	/**
	 * Removes what an earlier run with this prefix left, then makes the two bridges.
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
			network.requireFreeSubnets();
			for (Lan lan : Lan.values()) {
				network.addBridge(lan);
			}
			return network;
		}
		catch (RuntimeException | Error ex) {
			network.close();
			throw ex;
		}
	}

	/**
	 * A new host on the client LAN.
	 * @param name what runs there, e.g. {@code producer-kaz}
	 * @return the host, its namespace and links up
	 */
	public Host host(String name) {
		return host(name, EnumSet.of(Lan.CLIENTS));
	}

	/**
	 * A new host for a Kafka node: on the client LAN and on the controller LAN.
	 * @param name e.g. {@code kafka-1}
	 * @return the host, its namespace and links up
	 */
	public Host kafkaHost(String name) {
		return host(name, EnumSet.allOf(Lan.class));
	}

	private synchronized Host host(String name, Set<Lan> lans) {
		requireOpen();
		int index = this.hosts.size() + 1;
		if (index > MAX_HOSTS) {
			throw new IllegalStateException("A network has at most " + MAX_HOSTS + " hosts");
		}
		String namespace = this.prefix + "-" + name;
		String clientAddress = CLIENT_SUBNET + (index + 1);
		String controllerAddress = lans.contains(Lan.CONTROLLER) ? CONTROLLER_SUBNET + (index + 1) : null;
		Host host = Host.inNamespace(name, namespace, clientAddress, controllerAddress, this.ip);
		Map<Lan, String> links = new EnumMap<>(Lan.class);
		this.hosts.put(host, links);
		ip("netns", "add", namespace);
		ip("-n", namespace, "link", "set", "lo", "up");
		for (Lan lan : lans) {
			String veth = this.prefix + "-" + index + lan.suffix;
			String inside = "eth" + lan.ordinal();
			ip("link", "add", veth, "type", "veth", "peer", "name", inside, "netns", namespace);
			links.put(lan, veth);
			ip("link", "set", veth, "master", bridge(lan));
			ip("link", "set", veth, "up");
			ip("-n", namespace, "addr", "add", lan.subnet + (index + 1) + "/24", "dev", inside);
			ip("-n", namespace, "link", "set", inside, "up");
		}
		return host;
	}

	/**
	 * Cuts the host off every LAN it is on: nothing reaches it, it reaches nothing.
	 * @param host a host of this network
	 */
	public void cut(Host host) {
		links(host).values().forEach((veth) -> ip("link", "set", veth, "down"));
	}

	/**
	 * Cuts the host off one LAN.
	 * @param host a host of this network
	 * @param lan which LAN
	 */
	public void cut(Host host, Lan lan) {
		ip("link", "set", link(host, lan), "down");
	}

	/**
	 * Connects the host to every LAN it is on again.
	 * @param host a host of this network
	 */
	public void heal(Host host) {
		links(host).values().forEach((veth) -> ip("link", "set", veth, "up"));
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
			for (String veth : this.hosts.get(host).values()) {
				attempt(failures, () -> removeLink(veth));
			}
			attempt(failures, () -> removeNamespace(host.namespace()));
		}
		for (String bridge : this.bridges) {
			attempt(failures, () -> removeLink(bridge));
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
		links.stream().filter((link) -> !isBridgeName(link)).forEach(this::removeLink);
		links.stream().filter(this::isBridgeName).forEach(this::removeLink);
	}

	private void requireFreeSubnets() {
		String addresses = ip("-o", "-4", "addr", "show");
		for (Lan lan : Lan.values()) {
			if (addresses.contains(" " + lan.subnet)) {
				throw new IllegalStateException(
						"Addresses of " + lan.subnet + "0/24 are already in use on this machine: "
								+ addresses.lines().filter((line) -> line.contains(" " + lan.subnet)).toList());
			}
		}
	}

	private void addBridge(Lan lan) {
		String bridge = bridge(lan);
		ip("link", "add", bridge, "type", "bridge");
		this.bridges.add(bridge);
		if (lan == Lan.CLIENTS) {
			ip("addr", "add", lan.subnet + "1/24", "dev", bridge);
		}
		ip("link", "set", bridge, "up");
	}

	private String bridge(Lan lan) {
		return this.prefix + "-" + lan.suffix;
	}

	private boolean isBridgeName(String link) {
		return Stream.of(Lan.values()).anyMatch((lan) -> link.equals(bridge(lan)));
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

	private Map<Lan, String> links(Host host) {
		Map<Lan, String> links = this.hosts.get(host);
		if (links == null) {
			throw new IllegalArgumentException(host + " is not a host of network " + this.prefix);
		}
		return links;
	}

	private String link(Host host, Lan lan) {
		String link = links(host).get(lan);
		if (link == null) {
			throw new IllegalArgumentException(host + " is not on the " + lan + " LAN");
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

	/**
	 * The LANs of a network.
	 */
	public enum Lan {

		/**
		 * Clients, services and replication between brokers; the test's JVM is on it too.
		 */
		CLIENTS(CLIENT_SUBNET, "c"),

		/** KRaft's controller traffic: the quorum, and brokers' heartbeats. */
		CONTROLLER(CONTROLLER_SUBNET, "k");

		private final String subnet;

		private final String suffix;

		Lan(String subnet, String suffix) {
			this.subnet = subnet;
			this.suffix = suffix;
		}

	}

	private record Result(int exit, String output) {

	}

}
