package org.jointops.localstack.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.jar.JarFile;

/**
 * One JVM of the stack that runs a main class of the stack's own classpath: from the
 * executable jar ({@code ./local-stack}) through Spring Boot's
 * {@code PropertiesLauncher}, otherwise (tests, an IDE) with the same class path. Its
 * output and its log go to one file; its standard input stays open to this JVM, so that
 * it ends when the stack ends ({@link ParentWatch}). It can be killed, stopped and
 * started again with the same command line.
 */
public final class ChildProcess {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String name;

	private final List<String> command;

	private final Path log;

	private final BiConsumer<ChildProcess, Process> onExit;

	private Process process;

	private boolean stopping;

	private ChildProcess(String name, List<String> command, Path log, BiConsumer<ChildProcess, Process> onExit) {
		this.name = name;
		this.command = List.copyOf(command);
		this.log = log;
		this.onExit = onExit;
	}

	/**
	 * Describes a JVM to run; nothing starts until {@link #start()}.
	 * @param name what it is, for messages
	 * @param mainClass its main class, on the stack's class path
	 * @param jvmOptions options of the {@code java} command
	 * @param arguments the main class's arguments
	 * @param log the file its log and output go to
	 * @param onExit told when it ends unless the stack stopped it ({@link #stop}), with
	 * the process that ended
	 * @return the process, not started
	 */
	public static ChildProcess of(String name, Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
			Path log, BiConsumer<ChildProcess, Process> onExit) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-Dlocal-stack.log-file=" + log.toAbsolutePath());
		command.addAll(mainClass(mainClass));
		command.addAll(arguments);
		return new ChildProcess(name, command, log.toAbsolutePath(), onExit);
	}

	/**
	 * The command line's tail that runs a main class: in the executable jar, its classes
	 * and libraries are nested, which only Spring Boot's launcher can load.
	 * @param mainClass the main class
	 * @return {@code -cp …} and what runs the main class
	 */
	static List<String> mainClass(Class<?> mainClass) {
		String classPath = System.getProperty("java.class.path");
		if (isExecutableJar(classPath)) {
			return List.of("-cp", classPath, "-Dloader.main=" + mainClass.getName(),
					"org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		return List.of("-cp", classPath, mainClass.getName());
	}

	private static boolean isExecutableJar(String classPath) {
		if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Starts the JVM.
	 * @return this process
	 */
	public synchronized ChildProcess start() {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running (pid " + this.process.pid() + ")");
		}
		try {
			Files.createDirectories(this.log.getParent());
			Files.writeString(this.log, "==== " + LocalDateTime.now().format(TIME) + " start: " + this.name + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Process started = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			this.process = started;
			this.stopping = false;
			started.onExit().thenAccept(this::exited);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	private void exited(Process ended) {
		boolean expected;
		synchronized (this) {
			expected = this.stopping && ended == this.process;
		}
		if (!expected) {
			this.onExit.accept(this, ended);
		}
	}

	public String name() {
		return this.name;
	}

	public Path log() {
		return this.log;
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * The running JVM's process id.
	 * @return its pid, empty when it does not run
	 */
	public synchronized OptionalLong pid() {
		return isAlive() ? OptionalLong.of(this.process.pid()) : OptionalLong.empty();
	}

	/**
	 * The JVM's operating-system process, running or ended.
	 * @return its handle, if it was ever started
	 */
	public synchronized java.util.Optional<ProcessHandle> handle() {
		return java.util.Optional.ofNullable(this.process).map(Process::toHandle);
	}

	/**
	 * Kills the JVM ({@code SIGKILL}), as {@code kill -9} would; returns once it is gone.
	 * Its end is reported like any other end the stack did not ask for.
	 */
	public void kill() {
		Process running;
		synchronized (this) {
			running = this.process;
		}
		if (running != null) {
			running.destroyForcibly();
			awaitExit(running, Duration.ofSeconds(30));
		}
	}

	/**
	 * Stops the JVM ({@code SIGTERM}: its shutdown hooks run) and kills it if it has not
	 * ended within the grace period; its end is not reported.
	 * @param grace how long it may take
	 */
	public void stop(Duration grace) {
		Process running;
		synchronized (this) {
			running = this.process;
			this.stopping = true;
		}
		if (running != null && running.isAlive()) {
			running.destroy();
			if (!awaitExit(running, grace)) {
				running.destroyForcibly();
				awaitExit(running, Duration.ofSeconds(30));
			}
		}
	}

	@Override
	public String toString() {
		OptionalLong pid = pid();
		return this.name + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : " (not running)");
	}

	private boolean awaitExit(Process running, Duration timeout) {
		try {
			return running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
