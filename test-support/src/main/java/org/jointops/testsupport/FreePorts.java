package org.jointops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports nobody listens on.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * A port that was free a moment ago (the usual race applies).
	 * @return the port
	 */
	public static int next() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first of {@code count} consecutive ports that were all free a moment ago.
	 * @param count how many
	 * @return the first port
	 */
	public static int consecutive(int count) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(20000, 40000);
			if (allFree(first, count)) {
				return first;
			}
		}
		throw new IllegalStateException("No " + count + " consecutive free ports found");
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

}
