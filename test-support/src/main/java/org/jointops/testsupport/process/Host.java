package org.jointops.testsupport.process;

import java.util.List;

/**
 * Where a process of the harness runs: on loopback, in the test's own network namespace,
 * or alone in a network namespace of a {@link Network}, where it has an address of its
 * own on the network.
 */
public final class Host {

	private static final String LOOPBACK_ADDRESS = "127.0.0.1";

	private final String name;

	private final String namespace;

	private final String address;

	private final List<String> launcher;

	private Host(String name, String namespace, String address, List<String> launcher) {
		this.name = name;
		this.namespace = namespace;
		this.address = address;
		this.launcher = List.copyOf(launcher);
	}

	/**
	 * The test's own machine, on 127.0.0.1.
	 * @return the loopback host
	 */
	public static Host loopback() {
		return new Host("loopback", null, LOOPBACK_ADDRESS, List.of());
	}

	static Host inNamespace(String name, String namespace, String address, String ip) {
		return new Host(name, namespace, address, List.of(ip, "netns", "exec", namespace));
	}

	public String name() {
		return this.name;
	}

	/**
	 * The address its processes listen on and advertise: reachable from the test's JVM
	 * and from every other host of the same network.
	 * @return an IPv4 address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * What a command line starts with to run in this host: nothing on loopback,
	 * {@code ip netns exec <namespace>} in a namespace (which executes the command in
	 * place: the process's id is the command's own).
	 * @return the launcher's arguments
	 */
	public List<String> launcher() {
		return this.launcher;
	}

	/**
	 * The network namespace.
	 * @return its name, or null on loopback
	 */
	public String namespace() {
		return this.namespace;
	}

	@Override
	public String toString() {
		return (this.namespace != null) ? this.name + " (" + this.address + ")" : this.name;
	}

}
