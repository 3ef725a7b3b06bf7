package org.jointops.localstack.processes;

import java.io.IOException;
import java.io.InputStream;

import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What every child JVM of the stack does first: it ends when the stack ends, however the
 * stack ends. The stack holds the write end of the child's standard input; when the
 * stack's JVM is gone (Ctrl-C, {@code kill}, even {@code kill -9}) the operating system
 * closes it, the child reads the end of its input and exits as if stopped
 * ({@code SIGTERM}: its shutdown hooks run), or halts if that takes too long. Ctrl-C in
 * the terminal reaches the whole process group: the child ignores it ({@code SIGINT}) and
 * leaves stopping to the stack, which stops every child in order. Its log goes to its log
 * file only: its standard output, appended to the same file, keeps what does not go
 * through the log (e.g. a JVM's own last words).
 */
public final class ParentWatch {

	/** How long a child may take to stop once the stack is gone. */
	private static final long GRACE_MILLIS = 20_000;

	private ParentWatch() {
	}

	/**
	 * Starts watching the standard input; call it first in a child's {@code main}.
	 * @param name the child's name, for its thread
	 */
	public static void install(String name) {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
			root.detachAppender("CONSOLE");
		}
		try {
			Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
		}
		catch (IllegalArgumentException ex) {
			// no SIGINT on this platform: nothing to ignore
		}
		Thread watch = new Thread(() -> {
			awaitEndOfInput(System.in);
			Thread halt = new Thread(() -> {
				try {
					Thread.sleep(GRACE_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				Runtime.getRuntime().halt(1);
			}, name + "-halt");
			halt.setDaemon(true);
			halt.start();
			System.exit(0);
		}, name + "-parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

	private static void awaitEndOfInput(InputStream in) {
		byte[] buffer = new byte[256];
		try {
			while (in.read(buffer) >= 0) {
				// the stack writes nothing: read until the end
			}
		}
		catch (IOException ex) {
			// the pipe is broken: the stack is gone
		}
	}

}
