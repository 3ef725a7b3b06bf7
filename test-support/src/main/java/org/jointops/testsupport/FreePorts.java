package org.jointops.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports nobody listens on, taken below the system's ephemeral port range.
 * <p>
 * A port the system hands out for {@code bind(0)} comes from the ephemeral range, the
 * same range every outgoing connection on the machine takes its local port from (Kafka
 * clients open many): between the moment it was found free and the moment a service binds
 * it, another connection may have taken it ({@code PortInUseException}). Ports below that
 * range are never taken by outgoing connections; a port is handed out once per JVM, so
 * that two services of one test never get the same one.
 */
public final class FreePorts {

	private static final int LOWEST = 15000;

	private static final int EPHEMERAL_DEFAULT_LOW = 32768;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/**
	 * A port that was free a moment ago, below the ephemeral range.
	 * @return the port
	 */
	public static int next() {
		return consecutive(1);
	}

	/**
	 * The first of {@code count} consecutive ports that were all free a moment ago, below
	 * the ephemeral range.
	 * @param count how many
	 * @return the first port
	 */
	public static int consecutive(int count) {
		int highest = ephemeralLow() - count;
		for (int attempt = 0; attempt < 1000; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(LOWEST, highest);
			if (allFree(first, count) && claim(first, count)) {
				return first;
			}
		}
		throw new IllegalStateException("No " + count + " consecutive free ports found");
	}

	private static boolean claim(int first, int count) {
		synchronized (HANDED_OUT) {
			for (int port = first; port < first + count; port++) {
				if (HANDED_OUT.contains(port)) {
					return false;
				}
			}
			for (int port = first; port < first + count; port++) {
				HANDED_OUT.add(port);
			}
			return true;
		}
	}

	private static boolean allFree(int first, int count) {
		for (int port = first; port < first + count; port++) {
			try (ServerSocket socket = new ServerSocket(port)) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	/*
	 * The lowest port of the ephemeral range (Linux says it; elsewhere the IANA range's).
	 */
	private static int ephemeralLow() {
		try {
			String range = Files.readString(EPHEMERAL_RANGE).trim();
			int low = Integer.parseInt(range.split("\\s+")[0]);
			return (low > LOWEST + 1000) ? low : EPHEMERAL_DEFAULT_LOW;
		}
		catch (IOException | RuntimeException ex) {
			return EPHEMERAL_DEFAULT_LOW;
		}
	}

}
