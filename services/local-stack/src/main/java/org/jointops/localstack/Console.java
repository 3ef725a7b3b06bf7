package org.jointops.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jointops.localstack.processes.Role;
import org.jointops.localstack.processes.StackProcess;

/**
 * The replicated shape's console: a table of the stack's processes, and commands read
 * from the standard input that kill a broker or an aggregator instance and start it
 * again.
 */
final class Console {

	static final String HELP = """
			Commands: status | kill broker N | start broker N | kill aggregator N | start aggregator N | help
			(or from another terminal: kill -9 PID; Ctrl-C stops everything)""";

	private final LocalStack stack;

	private final PrintStream out;

	Console(LocalStack stack, PrintStream out) {
		this.stack = stack;
		this.out = out;
	}

	/**
	 * Prints every process: the stack's own JVM (the producers), each broker, each
	 * aggregator instance, with its pid, address and log file.
	 */
	void printStatus() {
		Path data = this.stack.settings().dataDirectory();
		this.out.printf("  %-13s %-8s %-8s %-28s %s%n", "process", "state", "pid", "address", "log");
		this.out.printf("  %-13s %-8s %-8d %-28s %s%n", "local-stack", "running", ProcessHandle.current().pid(),
				"producers :" + this.stack.settings().firstProducerPort() + "-"
						+ (this.stack.settings().firstProducerPort() + this.stack.producerUrls().size() - 1),
				data.resolve("logs").resolve("jointops.log"));
		for (StackProcess process : this.stack.processes()) {
			String pid = process.pid().isPresent() ? String.valueOf(process.pid().getAsLong()) : "-";
			this.out.printf("  %-13s %-8s %-8s %-28s %s%n", process.name(), process.isAlive() ? "running" : "exited",
					pid, process.address(), relative(process.log()));
		}
	}

	private static Path relative(Path log) {
		Path here = Path.of("").toAbsolutePath();
		return log.startsWith(here) ? here.relativize(log) : log;
	}

	/**
	 * Reads commands until the input ends (e.g. when it is not a terminal).
	 * @param in the standard input
	 */
	void run(InputStream in) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				handle(line);
			}
		}
		catch (IOException ex) {
			// no more input: no more commands
		}
	}

	/**
	 * Does what a command says, printing what happened; a command it does not know gets
	 * the list of commands.
	 * @param line the command
	 */
	void handle(String line) {
		List<String> words = List.of(line.trim().toLowerCase(Locale.ROOT).split("\\s+"));
		try {
			if (words.size() == 1 && words.get(0).isEmpty()) {
				return;
			}
			if (words.size() == 1 && words.get(0).equals("status")) {
				printStatus();
				return;
			}
			if (words.size() == 3 && (words.get(0).equals("kill") || words.get(0).equals("start"))) {
				Role role = Role.named(words.get(1));
				int number = Integer.parseInt(words.get(2));
				if (words.get(0).equals("kill")) {
					StackProcess process = this.stack.process(role, number);
					if (!process.isAlive()) {
						this.out.println(process.name() + " is not running");
						return;
					}
					this.stack.kill(role, number);
				}
				else {
					this.out.println("Starting " + role.label() + " " + number + "...");
					this.stack.start(role, number);
					StackProcess process = this.stack.process(role, number);
					this.out.println(process.name() + " is back (pid " + process.pid().orElse(-1) + ", "
							+ process.address() + ")");
				}
				return;
			}
			this.out.println(HELP);
		}
		catch (NumberFormatException ex) {
			this.out.println("Not a number: " + line.trim() + "\n" + HELP);
		}
		catch (RuntimeException ex) {
			this.out.println(ex.getMessage());
		}
	}

}
