package org.jointops.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM that a test started as a separate operating-system process, with its output in a
 * log file, on loopback or in a {@link Host} of a {@link Network}. It can be stopped
 * gracefully ({@code SIGTERM}), killed ({@code SIGKILL}), paused ({@code SIGSTOP}) and
 * resumed ({@code SIGCONT}), and started again with the same command line.
 */
public final class JvmProcess implements AutoCloseable {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "jvm-process-reaper"));
	}

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	private int starts;

	private JvmProcess(String name, List<String> command, Path log) {
		this.name = name;
		this.command = List.copyOf(command);
		this.log = log;
	}

	/**
	 * Describes a JVM to run; nothing starts until {@link #start()}.
	 * @param name what the process is, for messages and the log file's name
	 * @param jvmOptions options of the {@code java} command, e.g. {@code -Xmx256m}
	 * @param mainArguments what follows them: {@code -jar app.jar …} or
	 * {@code -cp … Main …}
	 * @param logDirectory where its output goes, one file per start
	 * @return the process, not started
	 */
	public static JvmProcess of(String name, List<String> jvmOptions, List<String> mainArguments, Path logDirectory) {
		return of(name, Host.loopback(), jvmOptions, mainArguments, logDirectory);
	}

	/**
	 * Describes a JVM to run in a host; nothing starts until {@link #start()}.
	 * @param name what the process is, for messages and the log file's name
	 * @param host where it runs: its command line starts with the host's
	 * {@link Host#launcher() launcher}
	 * @param jvmOptions options of the {@code java} command, e.g. {@code -Xmx256m}
	 * @param mainArguments what follows them: {@code -jar app.jar …} or
	 * {@code -cp … Main …}
	 * @param logDirectory where its output goes, one file per start
	 * @return the process, not started
	 */
	public static JvmProcess of(String name, Host host, List<String> jvmOptions, List<String> mainArguments,
			Path logDirectory) {
		List<String> command = new ArrayList<>(host.launcher());
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(mainArguments);
		return new JvmProcess(name, command, logDirectory.resolve(name + ".log"));
	}

	/**
	 * Starts the JVM; its output is appended to the log file.
	 * @return this process
	 */
	public synchronized JvmProcess start() {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		try {
			Files.createDirectories(this.log.getParent());
			Files.writeString(this.log, "==== start " + (++this.starts) + ": " + String.join(" ", this.command) + "\n",
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			RUNNING.add(this.process);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	public String name() {
		return this.name;
	}

	public Path log() {
		return this.log;
	}

	/**
	 * How many times this process was started.
	 * @return starts so far
	 */
	public synchronized int starts() {
		return this.starts;
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public synchronized long pid() {
		requireStarted();
		return this.process.pid();
	}

	/**
	 * Kills the JVM with {@code SIGKILL}: no shutdown hook, no flush, no goodbye to the
	 * cluster. Returns once the process is gone.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	/**
	 * Stops the JVM with {@code SIGTERM}, as an operator would; kills it if it has not
	 * ended within the grace period.
	 * @param grace how long it may take to stop
	 */
	public synchronized void stop(Duration grace) {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!awaitExit(grace)) {
				kill();
			}
		}
	}

	/** Freezes the JVM with {@code SIGSTOP}: it holds its sockets but answers nothing. */
	public synchronized void pause() {
		signal("STOP");
	}

	/** Lets a paused JVM go on ({@code SIGCONT}). */
	public synchronized void resume() {
		signal("CONT");
	}

	@Override
	public void close() {
		if (isAlive()) {
			resume();
		}
		kill();
	}

	@Override
	public String toString() {
		return this.name + (isAlive() ? " (pid " + pid() + ")" : " (not running)");
	}

	private boolean awaitExit(Duration timeout) {
		try {
			boolean exited = this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (exited) {
				RUNNING.remove(this.process);
			}
			return exited;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name + " to end", ex);
		}
	}

	private void signal(String signal) {
		requireStarted();
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO()
				.start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void requireStarted() {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
	}

}
